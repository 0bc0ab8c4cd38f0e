// Which cell of a canvas grid a pointer or an arrow key lands on, so canvas grids stay usable without a mouse.

export interface GridShape {
  readonly columns: number;
  readonly count: number;
}

/** Columns for laying out `count` units: wide layers in rows of 20, small ones as a square. */
export function gridColumns(count: number): number {
  return count >= 160 ? 20 : Math.max(1, Math.ceil(Math.sqrt(count)));
}

/** The cell under a point given in CSS pixels relative to the canvas box of `width`×`height`; null outside. */
export function cellAtPoint(
  shape: GridShape,
  x: number,
  y: number,
  width: number,
  height: number,
): number | null {
  const rows = Math.ceil(shape.count / shape.columns);
  if (x < 0 || y < 0 || x >= width || y >= height) return null;
  const column = Math.floor((x / width) * shape.columns);
  const row = Math.floor((y / height) * rows);
  const cell = row * shape.columns + column;
  return cell < shape.count ? cell : null;
}

/** The cell an arrow/Home/End key moves to from `current`, or null if the key does not move. */
export function moveCell(shape: GridShape, current: number, key: string): number | null {
  const { columns, count } = shape;
  switch (key) {
    case 'ArrowRight':
      return Math.min(count - 1, current + 1);
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'ArrowDown':
      return current + columns < count ? current + columns : current;
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
