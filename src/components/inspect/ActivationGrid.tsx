// One hidden layer's activations for the current digit as a heat-map of units; dead units are crossed out.
import { useEffect, useRef } from 'react';
import { gridColumns } from './grid-cursor';
import { cssColour, sequentialColour } from './colour-scales';
import { useGridCursor } from './useGridCursor';
import { ActivationLegend } from './ActivationLegend';
import { FireRateNote } from './FireRateNote';

export interface ActivationGridProps {
  /** 0-based index of the hidden layer (shown as "layer 1" …). */
  readonly layer: number;
  /** Post-ReLU activations of the layer's units. */
  readonly values: Float32Array;
  /** 1 for units that never fire on the test set; null until the test set was measured. */
  readonly dead: Uint8Array | null;
  /** How many test digits make each unit fire, with `samples` the number measured. */
  readonly fireCounts: Int32Array | null;
  readonly samples: number;
  readonly selectedUnit: number | null;
  onSelectUnit(layer: number, unit: number): void;
}

const CELL = 24;
const GAP = 2;

export function ActivationGrid(props: ActivationGridProps) {
  const { layer, values, dead, fireCounts, samples, selectedUnit, onSelectUnit } = props;
  const shape = { columns: gridColumns(values.length), count: values.length };
  const rows = Math.ceil(shape.count / shape.columns);
  const cursor = useGridCursor(shape, selectedUnit, (unit) => onSelectUnit(layer, unit));
  const canvas = useRef<HTMLCanvasElement>(null);
  let max = 0;
  let strongest = 0;
  let firing = 0;
  for (let j = 0; j < values.length; j++) {
    if (values[j] > 0) firing++;
    if (values[j] > max) {
      max = values[j];
      strongest = j;
    }
  }
  const deadCount = dead ? dead.reduce((a, b) => a + b, 0) : 0;

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    const scale = max > 0 ? 1 / max : 0;
    for (let j = 0; j < values.length; j++) {
      const x = (j % shape.columns) * CELL;
      const y = Math.floor(j / shape.columns) * CELL;
      const size = CELL - GAP;
      if (dead?.[j]) {
        context.fillStyle = '#d5d9df';
        context.fillRect(x, y, size, size);
        context.strokeStyle = '#7a828d';
        context.lineWidth = 2;
        context.beginPath();
        context.moveTo(x + 5, y + 5);
        context.lineTo(x + size - 5, y + size - 5);
        context.moveTo(x + size - 5, y + 5);
        context.lineTo(x + 5, y + size - 5);
        context.stroke();
      } else {
        // A silent unit (exactly zero after ReLU) is grey, so "off" never looks like "weakly on".
        context.fillStyle = values[j] > 0 ? cssColour(sequentialColour(values[j] * scale)) : '#eef0f3';
        context.fillRect(x, y, size, size);
      }
      if (j === selectedUnit || j === cursor.active) {
        context.strokeStyle = j === selectedUnit ? '#1b1f24' : '#3d5afe';
        context.lineWidth = 3;
        context.strokeRect(x + 1.5, y + 1.5, size - 3, size - 3);
      }
    }
  }, [values, dead, max, shape.columns, selectedUnit, cursor.active]);

  const shown = cursor.active ?? selectedUnit;
  const title = `Hidden layer ${layer + 1}`;
  return (
    <figure className="activation-grid">
      <figcaption className="activation-grid__caption">
        <span className="activation-grid__title">{title}</span>
        <span className="activation-grid__meta">
          {values.length} units · {firing} firing{dead ? ` · ${deadCount} dead` : ''}
        </span>
      </figcaption>
      <canvas
        ref={canvas}
        className="activation-grid__canvas"
        width={shape.columns * CELL - GAP}
        height={rows * CELL - GAP}
        style={{ aspectRatio: `${shape.columns * CELL - GAP} / ${rows * CELL - GAP}` }}
        tabIndex={0}
        role="img"
        aria-label={
          `${title}: ${values.length} units, ${firing} firing for this digit, strongest unit ${strongest} ` +
          `at ${max.toFixed(2)}${dead ? `, ${deadCount} never fire on the test set` : ''}. ` +
          'Arrow keys read each unit, Enter opens it.'
        }
        data-testid={`activation-grid-${layer}`}
        {...cursor.handlers}
      />
      <p className="activation-grid__readout" aria-live="polite">
        {shown === null ? (
          <span className="muted">Hover or tab to a unit for its value; click to open it.</span>
        ) : (
          <UnitReadout
            unit={shown}
            value={values[shown]}
            isDead={dead?.[shown] === 1}
            fires={fireCounts?.[shown] ?? null}
            samples={samples}
          />
        )}
      </p>
      <ActivationLegend max={max} />
    </figure>
  );
}

function UnitReadout(props: {
  unit: number;
  value: number;
  isDead: boolean;
  fires: number | null;
  samples: number;
}) {
  const { unit, value, isDead, fires, samples } = props;
  return (
    <>
      <strong>Unit {unit}</strong>: {value.toFixed(3)}
      <FireRateNote isDead={isDead} fires={fires} samples={samples} />
    </>
  );
}
