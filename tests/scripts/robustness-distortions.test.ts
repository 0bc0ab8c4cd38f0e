// The robustness measure displaces digits exactly as issue 6 says.
import { describe, expect, it } from 'vitest';
import {
  centreWindow,
  enlargeTo150,
  maxFilter3x3,
  shiftToTopLeft,
  shrinkToHalf,
} from '../../scripts/robustness-distortions';

function digitWithBlock(left: number, top: number, width: number, height: number): Float32Array {
  const d = new Float32Array(784);
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) d[y * 28 + x] = 1;
  return d;
}

const sum = (d: Float32Array) => d.reduce((a, b) => a + b, 0);

describe('robustness distortions', () => {
  it('(a) moves the ink box to the top-left corner, values unchanged', () => {
    const d = digitWithBlock(9, 5, 4, 6);
    d[5 * 28 + 9] = 0.5;
    const out = shiftToTopLeft(d);
    expect(out[0]).toBe(0.5);
    expect(out[5 * 28 + 3]).toBe(1);
    expect(out[6 * 28]).toBe(0);
    expect(sum(out)).toBeCloseTo(sum(d), 6);
  });

  it('(b) averages 2x2 blocks into a centred 14x14 digit', () => {
    const d = digitWithBlock(0, 0, 1, 1);
    const out = shrinkToHalf(d);
    expect(out[7 * 28 + 7]).toBe(0.25);
    expect(sum(out)).toBeCloseTo(sum(d) / 4, 6);
    expect(shrinkToHalf(digitWithBlock(26, 26, 2, 2))[20 * 28 + 20]).toBe(1);
  });

  it('(c) enlarges bilinearly onto 42x42 with pixel centres aligned', () => {
    const d = digitWithBlock(10, 10, 8, 8);
    const big = enlargeTo150(d);
    expect(big.width).toBe(42);
    // Inside the block stays 1; pixel 21 in the big frame sits at source 13.83.
    expect(big.data[21 * 42 + 21]).toBeCloseTo(1, 6);
    expect(sum(big.data)).toBeCloseTo(sum(d) * 2.25, 0);
    expect(centreWindow(big)).toHaveLength(784);
    expect(centreWindow(big)[14 * 28 + 14]).toBeCloseTo(1, 6);
  });

  it('(d) grows every inked pixel into its 3x3 neighbourhood', () => {
    const d = new Float32Array(784);
    d[14 * 28 + 14] = 0.8;
    const out = maxFilter3x3(d);
    expect(sum(out)).toBeCloseTo(0.8 * 9, 5);
    expect(out[13 * 28 + 13]).toBeCloseTo(0.8, 6);
    expect(out[12 * 28 + 14]).toBe(0);
  });
});
