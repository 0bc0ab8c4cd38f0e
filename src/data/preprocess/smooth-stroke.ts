// The smoothed path the pad draws (quadratic curves through the midpoints of raw points), flattened to a polyline.
import type { Stroke, StrokePoint } from './strokes';

const STEPS_PER_CURVE = 6;

/**
 * Same curve as canvas `quadraticCurveTo(p[i], midpoint(p[i], p[i+1]))`: the network then reads the ink the user
 * saw, not the jagged pointer samples.
 */
export function smoothStroke(points: Stroke): StrokePoint[] {
  if (points.length < 3) return points.slice();
  const out: StrokePoint[] = [points[0]];
  let start = points[0];
  for (let i = 1; i < points.length - 1; i++) {
    const control = points[i];
    const end = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    for (let s = 1; s <= STEPS_PER_CURVE; s++) {
      const t = s / STEPS_PER_CURVE;
      const a = (1 - t) * (1 - t);
      const b = 2 * (1 - t) * t;
      const c = t * t;
      out.push({ x: a * start.x + b * control.x + c * end.x, y: a * start.y + b * control.y + c * end.y });
    }
    start = end;
  }
  out.push(points[points.length - 1]);
  return out;
}
