// The one-pass scale-and-shift: area averaging when shrinking, bilinear when enlarging; checked against direct sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreOfMass } from '../../../src/data/preprocess/centre-of-mass';
import { createGrayImage } from '../../../src/data/preprocess/gray-image';
import { otsuThreshold } from '../../../src/data/preprocess/otsu-threshold';
import { resampleImage } from '../../../src/data/preprocess/resample';

describe('resampleImage', () => {
  it('halving is the mean of each 2x2 block', () => {
    const source = createGrayImage(
      4,
      4,
      Float32Array.from({ length: 16 }, (_, i) => (i % 5) / 5),
    );
    const half = resampleImage(source, 2, 2, { scale: 0.5, offsetX: 0, offsetY: 0 });
    const block = (x: number, y: number) =>
      (source.data[y * 4 + x] +
        source.data[y * 4 + x + 1] +
        source.data[(y + 1) * 4 + x] +
        source.data[(y + 1) * 4 + x + 1]) /
      4;
    expect(half.data[0]).toBeCloseTo(block(0, 0), 6);
    expect(half.data[1]).toBeCloseTo(block(2, 0), 6);
    expect(half.data[3]).toBeCloseTo(block(2, 2), 6);
  });

  it('area averaging keeps the total ink (times scale squared) for any shrink factor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (scale, seed) => {
          const source = createGrayImage(30, 30);
          for (let i = 0; i < 900; i++) source.data[i] = ((i * 7919 + seed) % 13) / 13;
          const out = resampleImage(source, 40, 40, { scale, offsetX: 3.3, offsetY: 1.7 });
          const sum = (d: Float32Array) => d.reduce((a, b) => a + b, 0);
          expect(sum(out.data)).toBeCloseTo(sum(source.data) * scale * scale, 1);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a sub-pixel shift moves the centre of mass by exactly that much', () => {
    const source = createGrayImage(28, 28);
    source.data[10 * 28 + 12] = 1;
    source.data[11 * 28 + 12] = 0.5;
    const before = centreOfMass(source)!;
    const shifted = resampleImage(source, 28, 28, { scale: 1, offsetX: 0.3, offsetY: -0.45 });
    const after = centreOfMass(shifted)!;
    expect(after.x - before.x).toBeCloseTo(0.3, 5);
    expect(after.y - before.y).toBeCloseTo(-0.45, 5);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => resampleImage(createGrayImage(2, 2), 2, 2, { scale: 0, offsetX: 0, offsetY: 0 })).toThrow(
      /positive/,
    );
  });
});

describe('otsuThreshold', () => {
  it('cuts between two clusters', () => {
    const values = new Float32Array(1000);
    for (let i = 0; i < 1000; i++) values[i] = i < 700 ? 0.1 + (i % 10) * 0.01 : 0.7 + (i % 10) * 0.01;
    const t = otsuThreshold(values);
    expect(t).toBeGreaterThan(0.19);
    expect(t).toBeLessThan(0.7);
  });
});
