// Long runs keep their history small: older points are averaged in pairs, the latest stay exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendDownsampled } from '../../src/state/metric-history';
import type { TrainPoint } from '../../src/worker/training-progress';

function points(from: number, count: number): TrainPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    samplesSeen: (from + i) * 100,
    loss: from + i,
    accuracy: 0.5,
  }));
}

describe('appendDownsampled', () => {
  it('keeps everything until the limit', () => {
    expect(appendDownsampled(points(1, 5), points(6, 5), 10)).toEqual(points(1, 10));
  });

  it('halves the older part past the limit and keeps the newest exactly', () => {
    const result = appendDownsampled(points(1, 10), points(11, 1), 10);
    expect(result.slice(-5)).toEqual(points(7, 5));
    expect(result[0]).toEqual({ samplesSeen: 200, loss: 1.5, accuracy: 0.5 });
    expect(result.length).toBeLessThanOrEqual(10);
  });

  it('stays bounded and ordered however long a run gets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 8, max: 50 }),
        (batches, max) => {
          let history: readonly TrainPoint[] = [];
          let next = 1;
          for (const size of batches) {
            history = appendDownsampled(history, points(next, size), max);
            next += size;
          }
          expect(history.length).toBeLessThanOrEqual(max + 40);
          for (let i = 1; i < history.length; i++)
            expect(history[i].samplesSeen).toBeGreaterThan(history[i - 1].samplesSeen);
          expect(history.at(-1)!.samplesSeen).toBe((next - 1) * 100);
        },
      ),
    );
  });
});
