// Where a grid of tiles sits on a canvas (channel maps, filters), and which tile and pixel a point lands on.

/** Tiles of `tile` canvas pixels with `gap` between them, `columns` a row; each tile shows side×side cells. */
export interface TileGrid {
  readonly count: number;
  readonly columns: number;
  readonly rows: number;
  /** Canvas pixels per cell of a tile. */
  readonly scale: number;
  readonly cellsHigh: number;
  readonly cellsWide: number;
  readonly gap: number;
  /** Canvas size: every tile with the gap after it, so a tile's share of the canvas is exactly 1/columns. */
  readonly width: number;
  readonly height: number;
}

/** A grid of `count` tiles of cellsHigh×cellsWide cells, each about `target` canvas pixels on its longer side. */
export function tileGrid(
  count: number,
  columns: number,
  cellsHigh: number,
  cellsWide: number,
  target: number,
  gap: number,
): TileGrid {
  const scale = Math.max(1, Math.round(target / Math.max(cellsHigh, cellsWide)));
  const rows = Math.ceil(count / columns);
  const width = columns * (cellsWide * scale + gap);
  const height = rows * (cellsHigh * scale + gap);
  return { count, columns, rows, scale, cellsHigh, cellsWide, gap, width, height };
}

/** The top-left canvas pixel of tile `i`. */
export function tileOrigin(grid: TileGrid, i: number): { x: number; y: number } {
  return {
    x: (i % grid.columns) * (grid.cellsWide * grid.scale + grid.gap),
    y: Math.floor(i / grid.columns) * (grid.cellsHigh * grid.scale + grid.gap),
  };
}

/**
 * The tile and the cell within it under a point given in canvas pixels; null off every tile. A point in the
 * gap after a tile gives its tile with a null cell.
 */
export function tileAt(
  grid: TileGrid,
  x: number,
  y: number,
): { tile: number; cell: { y: number; x: number } | null } | null {
  if (x < 0 || y < 0 || x >= grid.width || y >= grid.height) return null;
  const tileWide = grid.cellsWide * grid.scale;
  const tileHigh = grid.cellsHigh * grid.scale;
  const column = Math.floor(x / (tileWide + grid.gap));
  const row = Math.floor(y / (tileHigh + grid.gap));
  const tile = row * grid.columns + column;
  if (tile >= grid.count) return null;
  const inX = x - column * (tileWide + grid.gap);
  const inY = y - row * (tileHigh + grid.gap);
  const cell =
    inX < tileWide && inY < tileHigh
      ? { y: Math.floor(inY / grid.scale), x: Math.floor(inX / grid.scale) }
      : null;
  return { tile, cell };
}

/** Fills a size×size block of `image` at (x, y) with one colour. */
export function fillBlock(
  image: ImageData,
  x: number,
  y: number,
  size: number,
  colour: readonly [number, number, number],
): void {
  for (let dy = 0; dy < size; dy++) {
    let p = ((y + dy) * image.width + x) * 4;
    for (let dx = 0; dx < size; dx++, p += 4) {
      image.data[p] = colour[0];
      image.data[p + 1] = colour[1];
      image.data[p + 2] = colour[2];
      image.data[p + 3] = 255;
    }
  }
}
