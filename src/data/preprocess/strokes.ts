// Strokes as the drawing pad records them: point lists in pad pixels, plus their bounding box.

export interface StrokePoint {
  readonly x: number;
  readonly y: number;
}

export type Stroke = readonly StrokePoint[];

export interface StrokeBounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Bounding box of the stroke centre lines; null when there is no point at all. */
export function strokeBounds(strokes: readonly Stroke[]): StrokeBounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  }
  return maxX < minX ? null : { minX, minY, maxX, maxY };
}
