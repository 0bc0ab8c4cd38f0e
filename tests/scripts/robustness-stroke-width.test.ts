// The stroke-width experiment: the width estimate reads a drawn line's width, and thinning only touches thick digits.
import { describe, expect, it } from 'vitest';
import { maxFilter3x3 } from '../../scripts/robustness-distortions';
import {
  estimateStrokeWidth,
  minFilter3x3,
  normaliseStrokeWidth,
} from '../../scripts/robustness-stroke-width';

function verticalBar(width: number): Float32Array {
  const d = new Float32Array(784);
  for (let y = 4; y < 24; y++) for (let x = 12; x < 12 + width; x++) d[y * 28 + x] = 1;
  return d;
}

describe('stroke-width normalisation', () => {
  it('estimates the width of a bar', () => {
    expect(estimateStrokeWidth(verticalBar(2))).toBeCloseTo((2 * 40) / 44, 5);
    expect(estimateStrokeWidth(verticalBar(4))).toBeGreaterThan(3);
    expect(estimateStrokeWidth(new Float32Array(784))).toBe(0);
  });

  it('erosion undoes a 3x3 dilation of a bar', () => {
    const bar = verticalBar(3);
    expect(Array.from(minFilter3x3(maxFilter3x3(bar)))).toEqual(Array.from(bar));
  });

  it('thins only digits wider than the limit', () => {
    const thin = verticalBar(2);
    expect(normaliseStrokeWidth(thin, 2.95)).toBe(thin);
    const thick = verticalBar(6);
    expect(normaliseStrokeWidth(thick, 2.95).reduce((a, b) => a + b, 0)).toBeLessThan(
      thick.reduce((a, b) => a + b, 0),
    );
  });
});
