// One hidden unit up close: its weight image (layer 1) or its strongest incoming connections (deeper layers).
import { useEffect, useRef } from 'react';
import { cssColour, divergingColour, legendGradient } from './colour-scales';
import { paintWeightTile } from './WeightImages';

export interface UnitDetailProps {
  /** 0-based hidden layer and unit. */
  readonly layer: number;
  readonly unit: number;
  readonly layerSizes: readonly number[];
  /** W[l] has shape (layerSizes[l+1], layerSizes[l]), row-major. */
  readonly W: readonly Float32Array[];
  readonly b: readonly Float32Array[];
  /** The current digit's input and hidden activations, if there is a digit. */
  readonly input: Float32Array | null;
  readonly activations: readonly Float32Array[] | null;
  readonly fireCounts: readonly Int32Array[] | null;
  readonly samples: number;
  /** Whether layer 0's weights are 28×28 images (a dense network); a CNN's dense layers sit on maps instead. */
  readonly firstLayerIsImage?: boolean;
  onSelectUnit(layer: number, unit: number): void;
  onClose(): void;
}

const STRONGEST = 10;

export function UnitDetail(props: UnitDetailProps) {
  const { layer, unit, layerSizes, W, b, input, activations, fireCounts, samples } = props;
  const firstLayerIsImage = props.firstLayerIsImage ?? true;
  const inputs = layerSizes[layer];
  const activation = activations?.[layer]?.[unit] ?? null;
  const fires = fireCounts?.[layer]?.[unit] ?? null;
  const below = layer === 0 ? input : (activations?.[layer - 1] ?? null);
  return (
    <section className="unit-detail" aria-labelledby="unit-detail-title" data-testid="unit-detail">
      <header className="unit-detail__header">
        <h3 id="unit-detail-title">
          Layer {layer + 1}, unit {unit}
        </h3>
        <button type="button" className="button button--small" onClick={props.onClose}>
          Close
        </button>
      </header>
      <dl className="facts">
        <div>
          <dt>activation now</dt>
          <dd>{activation === null ? '—' : activation.toFixed(3)}</dd>
        </div>
        <div>
          <dt>bias</dt>
          <dd>{b[layer][unit].toFixed(3)}</dd>
        </div>
        <div>
          <dt>fires on</dt>
          <dd>
            {fires === null || samples === 0
              ? '—'
              : fires === 0
                ? 'no test digit (dead)'
                : `${((100 * fires) / samples).toFixed(1)}% of test digits`}
          </dd>
        </div>
      </dl>
      {layer === 0 ? (
        <FirstLayerUnit weights={W[0]} unit={unit} side={Math.round(Math.sqrt(inputs))} />
      ) : (
        <StrongestInputs
          layer={layer}
          firstLayerWeights={layer === 1 && firstLayerIsImage ? W[0] : null}
          side={Math.round(Math.sqrt(layerSizes[0]))}
          weights={W[layer].subarray(unit * inputs, (unit + 1) * inputs)}
          below={below}
          onSelectUnit={props.onSelectUnit}
        />
      )}
    </section>
  );
}

/** One first-layer unit's weights as a 28x28 image; `label` null hides it from screen readers (a decoration). */
function WeightTile(props: {
  weights: Float32Array;
  unit: number;
  side: number;
  className: string;
  label: string | null;
}) {
  const { weights, unit, side, className, label } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(side, side);
    paintWeightTile(image, weights, unit * side * side, side, 0, 0);
    context.putImageData(image, 0, 0);
  }, [weights, unit, side]);
  return label === null ? (
    <canvas ref={canvas} width={side} height={side} className={`pixelated ${className}`} aria-hidden="true" />
  ) : (
    <canvas
      ref={canvas}
      width={side}
      height={side}
      className={`pixelated ${className}`}
      role="img"
      aria-label={label}
    />
  );
}

function FirstLayerUnit({ weights, unit, side }: { weights: Float32Array; unit: number; side: number }) {
  return (
    <div className="unit-detail__weights">
      <WeightTile
        weights={weights}
        unit={unit}
        side={side}
        className="unit-detail__canvas"
        label={`Unit ${unit}'s ${side * side} incoming weights as an image: red pixels excite it, blue inhibit it`}
      />
      <p className="muted">
        What excites this unit: ink on the red pixels raises its input, ink on the blue ones lowers it.
      </p>
      <div className="legend" aria-hidden="true">
        <span>−</span>
        <span className="legend__bar" style={{ background: legendGradient('diverging') }} />
        <span>+</span>
      </div>
    </div>
  );
}

function StrongestInputs(props: {
  layer: number;
  firstLayerWeights: Float32Array | null;
  side: number;
  weights: Float32Array;
  below: Float32Array | null;
  onSelectUnit(layer: number, unit: number): void;
}) {
  const { layer, weights, below, firstLayerWeights, side } = props;
  const order = Array.from(weights.keys())
    .sort((a, c) => Math.abs(weights[c]) - Math.abs(weights[a]))
    .slice(0, STRONGEST);
  const largest = Math.abs(weights[order[0]]) || 1;
  return (
    <table className="strongest">
      <caption>Strongest incoming connections from layer {layer}</caption>
      <thead>
        <tr>
          <th scope="col">from unit</th>
          <th scope="col">weight</th>
          <th scope="col">its activation</th>
          <th scope="col">weight × activation</th>
        </tr>
      </thead>
      <tbody>
        {order.map((j) => {
          const w = weights[j];
          const a = below?.[j] ?? null;
          return (
            <tr key={j}>
              <td>
                {firstLayerWeights && (
                  <WeightTile
                    weights={firstLayerWeights}
                    unit={j}
                    side={side}
                    className="weight-tile"
                    label={null}
                  />
                )}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onSelectUnit(layer - 1, j)}
                >
                  unit {j}
                </button>
              </td>
              <td>
                <span className="weight-bar__track" aria-hidden="true">
                  <span
                    className="weight-bar"
                    style={{
                      width: `${(48 * Math.abs(w)) / largest}px`,
                      background: cssColour(divergingColour(w / largest)),
                    }}
                  />
                </span>
                {w.toFixed(3)}
              </td>
              <td>{a === null ? '—' : a.toFixed(3)}</td>
              <td>{a === null ? '—' : (w * a).toFixed(3)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
