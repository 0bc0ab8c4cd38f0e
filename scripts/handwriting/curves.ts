// Centre-line building blocks for hand-drawn digit designs: arcs, Bézier curves and joined paths in a unit box.

/** A point in the design's unit box: x to the right, y downwards (as on a screen). */
export type Point = readonly [number, number];
/** One pen-down movement: the centre line from touch-down to lift. */
export type Path = readonly Point[];

/**
 * An elliptical arc from `fromDeg` to `toDeg` (0° = right, 90° = down, so increasing angles turn clockwise on
 * screen); either direction, and more than a full turn where a writer overshoots to close a loop.
 */
export function arc(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number): Point[] {
  const steps = Math.max(4, Math.ceil(Math.abs(toDeg - fromDeg) / 6));
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    points.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return points;
}

/** A cubic Bézier curve from p0 to p3 pulled towards p1 and p2. */
export function bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps = 24): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const a = (1 - t) ** 3;
    const b = 3 * (1 - t) ** 2 * t;
    const c = 3 * (1 - t) * t * t;
    const d = t ** 3;
    points.push([
      a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
      a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
    ]);
  }
  return points;
}

/** Pieces drawn one after the other without lifting the pen; a piece that starts where the last ended drops the repeat. */
export function joined(...pieces: readonly Path[]): Point[] {
  const out: Point[] = [];
  for (const piece of pieces) {
    for (const p of piece) {
      const last = out[out.length - 1];
      if (last && Math.hypot(last[0] - p[0], last[1] - p[1]) < 1e-9) continue;
      out.push(p);
    }
  }
  return out;
}

/** The same path at points `spacing` apart along its length (corners are kept as points of their own). */
export function resample(path: Path, spacing: number): Point[] {
  if (path.length < 2) return path.slice();
  const out: Point[] = [path[0]];
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1];
    const [x1, y1] = path[i];
    const length = Math.hypot(x1 - x0, y1 - y0);
    const pieces = Math.max(1, Math.ceil(length / spacing));
    for (let s = 1; s <= pieces; s++)
      out.push([x0 + ((x1 - x0) * s) / pieces, y0 + ((y1 - y0) * s) / pieces]);
  }
  return out;
}

/** The smallest box around every point of every path. */
export function boundsOf(paths: readonly Path[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const path of paths)
    for (const [x, y] of path) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return { minX, minY, maxX, maxY };
}

/** Points exactly `spacing` apart along the path (its last point kept), as a steady hand sampled at a steady rate. */
export function evenlySpaced(path: Path, spacing: number): Point[] {
  if (path.length === 0) return [];
  const out: Point[] = [path[0]];
  let carried = 0;
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1];
    const [x1, y1] = path[i];
    const length = Math.hypot(x1 - x0, y1 - y0);
    let at = spacing - carried;
    while (at <= length) {
      out.push([x0 + ((x1 - x0) * at) / length, y0 + ((y1 - y0) * at) / length]);
      at += spacing;
    }
    carried = length - (at - spacing);
  }
  const last = path[path.length - 1];
  const end = out[out.length - 1];
  if (Math.hypot(end[0] - last[0], end[1] - last[1]) > spacing * 0.25) out.push(last);
  return out;
}
