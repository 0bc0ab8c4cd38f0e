// Keeps a long run's curves small and whole: past a limit, the two neighbours covering the fewest samples merge,
// so the points stay evenly spread from the run's first point to its latest however long it gets.
import type { TestPoint, TrainPoint } from '../worker/training-progress';

/** Points per series a chart is given at most; a few hundred keep an SVG chart cheap to redraw. */
export const MAX_POINTS = 160;

type Point = TrainPoint | TestPoint;

/**
 * A point stands for the samples since the point before it (the first one, from the run's start). A merged pair
 * sits at the later sample count and averages the two weighted by the samples each stands for, so a coarse old
 * point and a fine new one count for what they cover.
 */
function mergePair<P extends Point>(before: P | undefined, a: P, b: P): P {
  const spanA = a.samplesSeen - (before?.samplesSeen ?? 0);
  const spanB = b.samplesSeen - a.samplesSeen;
  const total = spanA + spanB;
  // Two points at the same sample count (an evaluation at an epoch's end) weigh the same.
  const wa = total > 0 ? spanA / total : 0.5;
  const wb = 1 - wa;
  return { ...b, loss: a.loss * wa + b.loss * wb, accuracy: a.accuracy * wa + b.accuracy * wb };
}

/**
 * The pair (i, i + 1) to merge: the one covering the fewest samples, the oldest on a tie (so the newest stay exact
 * longest). The first and the latest points are never merged: the curve starts where the run did, and ends on
 * the value the run last reported.
 */
function narrowestPair(points: readonly Point[]): number {
  let best = 1;
  let bestSpan = Infinity;
  for (let i = 1; i + 2 < points.length; i++) {
    const span = points[i + 1].samplesSeen - points[i - 1].samplesSeen;
    if (span < bestSpan) {
      bestSpan = span;
      best = i;
    }
  }
  return best;
}

/**
 * Appends `added` to `points`, merging neighbours while there are more than `max` (at least 4). Returns a new
 * array when points were added.
 */
export function appendDownsampled<P extends Point>(
  points: readonly P[],
  added: readonly P[],
  max = MAX_POINTS,
): readonly P[] {
  // Nothing new keeps the same array: the charts, memoised on it, then have nothing to redraw.
  if (added.length === 0) return points;
  const all = [...points, ...added];
  const limit = Math.max(4, max);
  while (all.length > limit) {
    const i = narrowestPair(all);
    all.splice(i, 2, mergePair(all[i - 1], all[i], all[i + 1]));
  }
  return all;
}
