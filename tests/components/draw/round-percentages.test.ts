// Percentage texts of ten probabilities always add up to exactly 100 and stay within rounding of the truth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundPercentages } from '../../../src/components/draw/round-percentages';

describe('roundPercentages', () => {
  it('sums to 100.0 and each text is within 0.1 of its probability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (raw) => {
          const total = raw.reduce((a, b) => a + b, 0);
          fc.pre(total > 1e-6);
          const probabilities = raw.map((v) => v / total);
          const texts = roundPercentages(probabilities);
          const sum = texts.reduce((a, t) => a + Number(t), 0);
          expect(sum).toBeCloseTo(100, 6);
          texts.forEach((t, i) =>
            expect(Math.abs(Number(t) - probabilities[i] * 100)).toBeLessThanOrEqual(0.1 + 1e-9),
          );
        },
      ),
    );
  });

  it('formats with one decimal', () => {
    expect(roundPercentages([0.98, 0.02])).toEqual(['98.0', '2.0']);
    expect(roundPercentages([1 / 3, 1 / 3, 1 / 3])).toEqual(['33.4', '33.3', '33.3']);
  });
});
