// Why this answer: which pixels raise (red) or lower (blue) the chosen class's probability, over the digit itself.
import { useEffect, useRef } from 'react';
import { divergingColour, legendGradient, maxAbs } from './colour-scales';
import { formatProbability } from './format-probability';

export type SaliencyView = 'gradient' | 'input-x-gradient';

export interface SaliencyMapProps {
  /** 784 values in [0, 1]. */
  readonly input: Float32Array;
  /** Same length: ∂p/∂x or x·∂p/∂x. */
  readonly saliency: Float32Array;
  readonly view: SaliencyView;
  readonly targetClass: number;
  readonly probabilities: Float32Array;
  onViewChange(view: SaliencyView): void;
  onTargetChange(targetClass: number): void;
}

/** Paints the digit in light grey with the saliency laid over it, opaque where the saliency is strongest. */
function paintSaliency(image: ImageData, input: Float32Array, saliency: Float32Array): void {
  const scale = 1 / maxAbs(saliency);
  for (let i = 0; i < input.length; i++) {
    const paper = 255 - 150 * input[i];
    const s = saliency[i] * scale;
    const alpha = Math.min(1, Math.abs(s) * 1.4);
    const [r, g, b] = divergingColour(s);
    image.data[i * 4] = paper + (r - paper) * alpha;
    image.data[i * 4 + 1] = paper + (g - paper) * alpha;
    image.data[i * 4 + 2] = paper + (b - paper) * alpha;
    image.data[i * 4 + 3] = 255;
  }
}

export function SaliencyMap(props: SaliencyMapProps) {
  const { input, saliency, view, targetClass, probabilities } = props;
  const side = Math.round(Math.sqrt(input.length));
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(side, side);
    paintSaliency(image, input, saliency);
    context.putImageData(image, 0, 0);
  }, [input, saliency, side]);
  const strongest = Array.from(saliency.keys()).sort(
    (a, b) => Math.abs(saliency[b]) - Math.abs(saliency[a]),
  )[0];
  return (
    <figure className="saliency">
      <canvas
        ref={canvas}
        width={side}
        height={side}
        className="pixelated saliency__canvas"
        role="img"
        aria-label={
          `Saliency for class ${targetClass} (probability ${formatProbability(probabilities[targetClass])}): ` +
          `red pixels raise it, blue lower it; strongest at row ${Math.floor(strongest / side) + 1}, ` +
          `column ${(strongest % side) + 1}`
        }
        data-testid="saliency-canvas"
      />
      <figcaption>
        <span className="saliency__title">why {targetClass}: pixels that move its probability</span>
        <div className="saliency__controls">
          <label>
            Explain class{' '}
            <select value={targetClass} onChange={(e) => props.onTargetChange(Number(e.target.value))}>
              {Array.from(probabilities, (p, c) => (
                <option key={c} value={c}>
                  {c} ({formatProbability(p)})
                </option>
              ))}
            </select>
          </label>
          <div className="segmented" role="group" aria-label="Saliency view">
            <button
              type="button"
              aria-pressed={view === 'gradient'}
              onClick={() => props.onViewChange('gradient')}
            >
              gradient
            </button>
            <button
              type="button"
              aria-pressed={view === 'input-x-gradient'}
              onClick={() => props.onViewChange('input-x-gradient')}
            >
              input × gradient
            </button>
          </div>
        </div>
        <div className="legend" aria-hidden="true">
          <span>lowers p</span>
          <span className="legend__bar" style={{ background: legendGradient('diverging') }} />
          <span>raises p</span>
        </div>
      </figcaption>
    </figure>
  );
}
