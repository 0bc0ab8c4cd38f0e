// One conv layer's filters as images on a diverging scale (zero white): a filter is one K×K tile per input channel.
import { useEffect, useRef } from 'react';
import { divergingColour, legendGradient, maxAbs } from './colour-scales';
import { fillBlock, tileGrid, tileOrigin, type TileGrid } from './map-tiles';
import { useGridCursor } from './useGridCursor';

export interface FilterImagesProps {
  /** 0-based hidden layer of the conv layer. */
  readonly layer: number;
  /** W, F × (C·K·K) laid out as (F, C, K, K). */
  readonly weights: Float32Array;
  readonly filters: number;
  readonly channels: number;
  readonly size: number;
  readonly dead: Uint8Array | null;
  readonly selectedFilter: number | null;
  onSelectFilter(layer: number, filter: number): void;
}

/** Filters a row: a first layer's single tiles eight a row, deeper filters (C tiles each) two a row or one. */
export function filterColumns(filters: number, channels: number): number {
  return channels === 1 ? Math.min(8, filters) : Math.max(1, Math.min(filters, Math.floor(16 / channels)));
}

/** Canvas pixels per weight: a first layer's tiles about 48 pixels wide, a deeper layer's about 20. */
export function filterScale(channels: number, size: number): number {
  return Math.max(1, Math.round((channels === 1 ? 48 : 20) / size));
}

/** A filter is one block of C tiles side by side; the grid lays out blocks (its cells are canvas pixels). */
export function filterGrid(filters: number, channels: number, size: number): TileGrid {
  const scale = filterScale(channels, size);
  // A block is C tiles with 2-pixel gaps; blocks are 10 pixels apart.
  return tileGrid(
    filters,
    filterColumns(filters, channels),
    size * scale,
    channels * size * scale + (channels - 1) * 2,
    0,
    10,
  );
}

/** Paints filter f's C tiles at block `origin`, scaled so the filter's own largest |w| is full colour. */
export function paintFilter(
  image: ImageData,
  weights: Float32Array,
  filter: number,
  channels: number,
  size: number,
  scale: number,
  origin: { x: number; y: number },
): void {
  const length = channels * size * size;
  const inverse = 1 / maxAbs(weights, filter * length, (filter + 1) * length);
  for (let c = 0; c < channels; c++) {
    const left = origin.x + c * (size * scale + 2);
    for (let u = 0; u < size; u++) {
      for (let v = 0; v < size; v++) {
        const w = weights[filter * length + (c * size + u) * size + v];
        fillBlock(image, left + v * scale, origin.y + u * scale, scale, divergingColour(w * inverse));
      }
    }
  }
}

export function FilterImages(props: FilterImagesProps) {
  const { layer, weights, filters, channels, size, dead, selectedFilter, onSelectFilter } = props;
  const grid = filterGrid(filters, channels, size);
  const scale = filterScale(channels, size);
  const cursor = useGridCursor({ columns: grid.columns, count: filters }, selectedFilter, (filter) =>
    onSelectFilter(layer, filter),
  );
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(grid.width, grid.height);
    for (let f = 0; f < filters; f++)
      paintFilter(image, weights, f, channels, size, scale, tileOrigin(grid, f));
    context.putImageData(image, 0, 0);
    const blockWide = grid.cellsWide;
    const blockHigh = grid.cellsHigh;
    if (dead) {
      context.globalAlpha = 0.6;
      context.fillStyle = '#ffffff';
      for (let f = 0; f < filters; f++) {
        if (!dead[f]) continue;
        const { x, y } = tileOrigin(grid, f);
        context.fillRect(x, y, blockWide, blockHigh);
      }
      context.globalAlpha = 1;
    }
    const outline = (f: number, colour: string) => {
      const { x, y } = tileOrigin(grid, f);
      context.strokeStyle = colour;
      context.lineWidth = 2;
      context.strokeRect(x + 1, y + 1, blockWide - 2, blockHigh - 2);
    };
    if (cursor.active !== null) outline(cursor.active, '#3d5afe');
    if (selectedFilter !== null) outline(selectedFilter, '#1b1f24');
    // grid and scale follow from filters, channels and size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [weights, filters, channels, size, dead, selectedFilter, cursor.active]);

  const shown = cursor.active ?? selectedFilter;
  const title = `Layer ${layer + 1}: ${filters} filters of ${size}×${size}`;
  return (
    <figure className="filter-images" data-testid={`filters-${layer}`} data-filters={filters}>
      <figcaption className="activation-grid__caption">
        <span className="activation-grid__title">{title}</span>
        <span className="activation-grid__meta">
          {channels === 1 ? 'over the digit' : `each over ${channels} input channels, one tile per channel`}
        </span>
      </figcaption>
      <canvas
        ref={canvas}
        className="filter-images__canvas"
        width={grid.width}
        height={grid.height}
        style={{ width: `${grid.width}px`, aspectRatio: `${grid.width} / ${grid.height}` }}
        tabIndex={0}
        role="img"
        aria-label={
          `${title}${channels > 1 ? `, each as ${channels} tiles, one per input channel` : ''}: ` +
          'red where a bright input raises the map, blue where it lowers it, white for zero. ' +
          'Arrow keys move, Enter opens a filter with its map.'
        }
        data-testid={`filters-canvas-${layer}`}
        {...cursor.handlers}
      />
      <p className="filter-images__readout muted" aria-live="polite">
        {shown === null
          ? 'Each filter is scaled to its own largest weight. Click one to open it beside its map.'
          : `Filter ${shown}${dead?.[shown] ? ' (its map is dead on the test set)' : ''}: click or press Enter to open it.`}
      </p>
      <div className="legend" aria-hidden="true">
        <span>−</span>
        <span className="legend__bar" style={{ background: legendGradient('diverging') }} />
        <span>+</span>
      </div>
    </figure>
  );
}
