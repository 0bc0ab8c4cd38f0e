// Long runs keep their history small and whole: neighbours covering the fewest samples merge, weighted by the
// samples each stands for; the first and latest points stay, so the curves start and end where the run did.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendDownsampled, MAX_POINTS } from '../../src/state/metric-history';
import type { TrainPoint } from '../../src/worker/training-progress';

function points(from: number, count: number): TrainPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    samplesSeen: (from + i) * 100,
    loss: from + i,
    accuracy: 0.5,
  }));
}

/** Σ value × samples it stands for (since the point before): what merging must keep. */
function area(history: readonly TrainPoint[], metric: 'loss' | 'accuracy'): number {
  let sum = 0;
  let before = 0;
  for (const p of history) {
    sum += p[metric] * (p.samplesSeen - before);
    before = p.samplesSeen;
  }
  return sum;
}

/** The reference preset's 20 epochs × 469 steps of 128, a curve point every 12 steps, a few points per message. */
function referenceRun(): TrainPoint[][] {
  const messages: TrainPoint[][] = [];
  let message: TrainPoint[] = [];
  for (let step = 12; step <= 20 * 469; step += 12) {
    message.push({ samplesSeen: step * 128, loss: 2 / Math.sqrt(step), accuracy: 1 - 1 / Math.sqrt(step) });
    if (message.length === 3) {
      messages.push(message);
      message = [];
    }
  }
  if (message.length > 0) messages.push(message);
  return messages;
}

describe('appendDownsampled', () => {
  it('keeps everything until the limit, and the same array when nothing is added', () => {
    expect(appendDownsampled(points(1, 5), points(6, 5), 10)).toEqual(points(1, 10));
    const history = points(1, 3);
    expect(appendDownsampled(history, [])).toBe(history);
  });

  it('past the limit merges the oldest of the narrowest pairs, keeping the first point and the newest', () => {
    const result = appendDownsampled(points(1, 10), points(11, 1), 10);
    expect(result).toHaveLength(10);
    expect(result[0]).toEqual(points(1, 1)[0]);
    expect(result[1]).toEqual({ samplesSeen: 300, loss: 2.5, accuracy: 0.5 });
    expect(result.slice(2)).toEqual(points(4, 8));
  });

  it('weights a merged pair by the samples each point stands for', () => {
    const history: TrainPoint[] = [
      { samplesSeen: 100, loss: 9, accuracy: 0 },
      { samplesSeen: 400, loss: 4, accuracy: 0.3 },
      { samplesSeen: 500, loss: 8, accuracy: 0.9 },
      { samplesSeen: 1000, loss: 1, accuracy: 1 },
      { samplesSeen: 1100, loss: 0.5, accuracy: 1 },
    ];
    // (400, 500) spans 400 samples, less than (500, 1000)'s 600: 300 samples at 4 and 100 at 8.
    const result = appendDownsampled(history.slice(0, 4), history.slice(4), 4);
    expect(result).toHaveLength(4);
    expect([result[0], result[2], result[3]]).toEqual([history[0], history[3], history[4]]);
    expect(result[1].samplesSeen).toBe(500);
    expect(result[1].loss).toBeCloseTo(5, 12);
    expect(result[1].accuracy).toBeCloseTo(0.45, 12);
  });

  it('keeps a 20-epoch reference run whole: from its first point to its last, evenly spread', () => {
    const messages = referenceRun();
    let history: readonly TrainPoint[] = [];
    for (const message of messages) history = appendDownsampled(history, message);
    const all = messages.flat();
    expect(history).toHaveLength(MAX_POINTS);
    // Before, repeated halving of the older part pushed the first point to 712,704 of 1,200,640 samples.
    expect(history[0]).toEqual(all[0]);
    expect(history.at(-1)).toEqual(all.at(-1));
    const total = all.at(-1)!.samplesSeen;
    for (let i = 1; i < history.length; i++) {
      const gap = history[i].samplesSeen - history[i - 1].samplesSeen;
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual((2 * total) / MAX_POINTS);
    }
    expect(area(history, 'loss')).toBeCloseTo(area(all, 'loss'), 6);
  });

  it('stays bounded, ordered, whole and sample-weighted however the points arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 4, max: 50 }),
        fc.array(fc.float({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (batches, max, losses) => {
          let history: readonly TrainPoint[] = [];
          const all: TrainPoint[] = [];
          let next = 1;
          for (const size of batches) {
            const added = points(next, size).map((p, i) => ({
              ...p,
              loss: losses[(next + i) % losses.length],
            }));
            all.push(...added);
            history = appendDownsampled(history, added, max);
            next += size;
          }
          expect(history.length).toBeLessThanOrEqual(max);
          for (let i = 1; i < history.length; i++)
            expect(history[i].samplesSeen).toBeGreaterThan(history[i - 1].samplesSeen);
          expect(history[0]).toEqual(all[0]);
          expect(history.at(-1)).toEqual(all.at(-1));
          expect(area(history, 'loss')).toBeCloseTo(area(all, 'loss'), 1);
        },
      ),
    );
  });
});
