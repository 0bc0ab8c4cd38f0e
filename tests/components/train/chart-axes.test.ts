// Chart axes: whole nice steps that cover the data, so a live chart's axis only moves in steps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { niceAxis, niceStep, sameAxis } from '../../../src/components/train/chart-axes';

describe('niceAxis', () => {
  it('covers the data with 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceAxis(0, 60_000, 4)).toEqual({ domain: [0, 60_000], ticks: [0, 20_000, 40_000, 60_000] });
    expect(niceAxis(0, 131_000, 4).ticks).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceAxis(0, 2.31, 4).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis(0, 1.93, 4).ticks).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceAxis(11.3, 100, 4).ticks).toEqual([0, 25, 50, 75, 100]);
    expect(niceAxis(0, 0.3, 4).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('takes extra ticks only where they end the axis nearer the data', () => {
    // A 20-epoch run of 60,000 digits: four intervals would reach 1.5M and leave a fifth of the chart empty.
    expect(niceAxis(0, 1_200_000, 4).domain).toEqual([0, 1_500_000]);
    expect(niceAxis(0, 1_200_000, 4, 2).ticks).toEqual([
      0, 200_000, 400_000, 600_000, 800_000, 1_000_000, 1_200_000,
    ]);
    // No closer end with more ticks: the four-interval axis stays.
    expect(niceAxis(0, 60_000, 4, 2).ticks).toEqual([0, 20_000, 40_000, 60_000]);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (max, extra) => {
          const plain = niceAxis(0, max, 4);
          const tight = niceAxis(0, max, 4, extra);
          return (
            tight.domain[1] >= max * (1 - 1e-9) &&
            tight.domain[1] <= plain.domain[1] &&
            tight.ticks.length - 1 <= 4 + extra
          );
        },
      ),
    );
  });

  it('keeps the same axis while the data creeps forward inside a step', () => {
    expect(sameAxis(niceAxis(0, 61_000, 4), niceAxis(0, 79_000, 4))).toBe(true);
    expect(sameAxis(niceAxis(0, 79_000, 4), niceAxis(0, 81_000, 4))).toBe(false);
  });

  it('always contains the data, in at most the asked intervals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 8 }),
        (min, span, intervals) => {
          const { domain, ticks } = niceAxis(min, min + span, intervals);
          // Within float noise of a step: the axis may round a hair's breadth inwards, never by a visible amount.
          expect(domain[0]).toBeLessThanOrEqual(min + span * 1e-6);
          expect(domain[1]).toBeGreaterThanOrEqual(min + span - span * 1e-6);
          expect(ticks.length - 1).toBeLessThanOrEqual(intervals + 1);
          const step = niceStep(span, intervals);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeCloseTo(step, 6);
        },
      ),
    );
  });
});
