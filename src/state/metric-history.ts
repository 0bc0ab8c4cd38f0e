// Keeps a long run's curves small: recent points at full resolution, older ones averaged in pairs.
import type { TestPoint, TrainPoint } from '../worker/training-progress';

/** Points per series a chart is given at most; a few hundred keep an SVG chart cheap to redraw. */
export const MAX_POINTS = 160;

type Point = TrainPoint | TestPoint;

function mergePair<P extends Point>(a: P, b: P): P {
  // The later sample count keeps the x axis increasing; the values are the pair's mean.
  return { ...b, loss: (a.loss + b.loss) / 2, accuracy: (a.accuracy + b.accuracy) / 2 };
}

/**
 * Appends `added` to `points`; past `max`, the older half is halved in resolution. Repeated, this gives
 * old history ever coarser steps while the latest points stay exact. Returns a new array when points were added.
 */
export function appendDownsampled<P extends Point>(
  points: readonly P[],
  added: readonly P[],
  max = MAX_POINTS,
): readonly P[] {
  // Nothing new keeps the same array: the charts, memoised on it, then have nothing to redraw.
  if (added.length === 0) return points;
  const all = [...points, ...added];
  if (all.length <= max) return all;
  const keepExact = Math.floor(max / 2);
  const older = all.slice(0, all.length - keepExact);
  const merged: P[] = [];
  for (let i = 0; i + 1 < older.length; i += 2) merged.push(mergePair(older[i], older[i + 1]));
  if (older.length % 2 === 1) merged.push(older[older.length - 1]);
  return [...merged, ...all.slice(all.length - keepExact)];
}
