// Every first-layer unit's 784 incoming weights as a 28x28 image, all drawn into one canvas (one node, not 200).
import { useEffect, useRef } from 'react';
import { gridColumns } from './grid-cursor';
import { divergingColour, legendGradient, maxAbs } from './colour-scales';
import { useGridCursor } from './useGridCursor';

export interface WeightImagesProps {
  /** W[0], shape (units, side*side) row-major. */
  readonly weights: Float32Array;
  readonly units: number;
  /** Side of the square input image (28). */
  readonly side: number;
  readonly dead: Uint8Array | null;
  readonly selectedUnit: number | null;
  onSelectUnit(unit: number): void;
}

const GAP = 2;

/** Writes one unit's weights into `image` at tile position (x, y), scaled so its own largest |w| is full colour. */
export function paintWeightTile(
  image: ImageData,
  weights: Float32Array,
  offset: number,
  side: number,
  x: number,
  y: number,
): void {
  const scale = 1 / maxAbs(weights, offset, offset + side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const [red, green, blue] = divergingColour(weights[offset + r * side + c] * scale);
      const p = ((y + r) * image.width + x + c) * 4;
      image.data[p] = red;
      image.data[p + 1] = green;
      image.data[p + 2] = blue;
      image.data[p + 3] = 255;
    }
  }
}

export function WeightImages({ weights, units, side, dead, selectedUnit, onSelectUnit }: WeightImagesProps) {
  const shape = { columns: gridColumns(units), count: units };
  const rows = Math.ceil(units / shape.columns);
  const tile = side + GAP;
  const width = shape.columns * tile - GAP;
  const height = rows * tile - GAP;
  const cursor = useGridCursor(shape, selectedUnit, onSelectUnit);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    for (let j = 0; j < units; j++) {
      paintWeightTile(
        image,
        weights,
        j * side * side,
        side,
        (j % shape.columns) * tile,
        Math.floor(j / shape.columns) * tile,
      );
    }
    context.putImageData(image, 0, 0);
    const outline = (j: number, colour: string) => {
      context.strokeStyle = colour;
      context.lineWidth = 2;
      context.strokeRect(
        (j % shape.columns) * tile - 1,
        Math.floor(j / shape.columns) * tile - 1,
        side + 2,
        side + 2,
      );
    };
    if (dead) {
      context.globalAlpha = 0.55;
      context.fillStyle = '#ffffff';
      for (let j = 0; j < units; j++) {
        if (dead[j])
          context.fillRect((j % shape.columns) * tile, Math.floor(j / shape.columns) * tile, side, side);
      }
      context.globalAlpha = 1;
    }
    if (cursor.active !== null) outline(cursor.active, '#3d5afe');
    if (selectedUnit !== null) outline(selectedUnit, '#1b1f24');
  }, [weights, units, side, dead, width, height, tile, shape.columns, selectedUnit, cursor.active]);

  const shown = cursor.active ?? selectedUnit;
  return (
    <figure className="weight-images">
      <canvas
        ref={canvas}
        className="weight-images__canvas"
        width={width}
        height={height}
        style={{ aspectRatio: `${width} / ${height}` }}
        tabIndex={0}
        role="img"
        aria-label={
          `Incoming weights of the ${units} first-layer units, each as a ${side}x${side} image: ` +
          'red where ink excites the unit, blue where ink inhibits it. Arrow keys move, Enter opens a unit.'
        }
        data-testid="weight-images"
        {...cursor.handlers}
      />
      <figcaption className="weight-images__caption">
        <div className="legend" aria-hidden="true">
          <span>inhibits</span>
          <span className="legend__bar" style={{ background: legendGradient('diverging') }} />
          <span>excites</span>
        </div>
        <span aria-live="polite" className="muted">
          {shown === null
            ? 'Each tile is scaled to its own largest weight. Click a tile to open the unit.'
            : `Unit ${shown}${dead?.[shown] ? ' (dead on the test set)' : ''}: click or press Enter to open it.`}
        </span>
      </figcaption>
    </figure>
  );
}
