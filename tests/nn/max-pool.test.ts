// Max-pooling against a direct float64 maximum, its tie rule, and its gradient against finite differences.
import { describe, expect, it } from 'vitest';
import { maxPoolBackward, maxPoolForward, type PoolGeometry } from '../../src/nn/max-pool';
import { SeededRandom } from '../../src/nn/random';
import { expectGradient, randomValues } from './finite-differences';
import { referencePool } from './reference-cnn';

function geometry(channels: number, height: number, width: number, size: number): PoolGeometry {
  const outHeight = Math.floor(height / size);
  const outWidth = Math.floor(width / size);
  return { channels, height, width, size, outHeight, outWidth };
}

const CASES = [
  geometry(2, 7, 5, 2), // odd sizes: the last row and column are dropped
  geometry(1, 8, 8, 2),
  geometry(3, 7, 8, 3),
  geometry(1, 5, 5, 5),
];

describe('max-pool', () => {
  it.each(CASES)('forward matches the direct maximum, floor-sized (%o)', (g) => {
    const random = new SeededRandom(3);
    const batch = 2;
    const inSize = g.channels * g.height * g.width;
    const outSize = g.channels * g.outHeight * g.outWidth;
    const x = randomValues(batch * inSize, () => random.nextFloat());
    const out = new Float32Array(batch * outSize);
    const argmax = new Int32Array(batch * outSize);
    maxPoolForward(out, argmax, x, batch, g);
    for (let n = 0; n < batch; n++) {
      const data = Float64Array.from(x.subarray(n * inSize, (n + 1) * inSize));
      const expected = referencePool({ data, shape: g }, g.size);
      expect(expected.shape).toEqual({ channels: g.channels, height: g.outHeight, width: g.outWidth });
      for (let i = 0; i < outSize; i++) {
        expect(out[n * outSize + i]).toBe(Math.fround(expected.data[i]));
        expect(x[argmax[n * outSize + i]]).toBe(out[n * outSize + i]);
      }
    }
  });

  it('sends a tie to the first maximum in row-major order, as NumPy argmax', () => {
    const g = geometry(1, 4, 4, 2);
    // Windows: [[1, 5], [5, 0]] ties at (0,1) and (1,0); [[2, 2], [2, 2]] all equal; ReLU-style zeros.
    const x = Float32Array.from([1, 5, 2, 2, 5, 0, 2, 2, 0, 0, 3, 3, 0, 0, 0, 3]);
    const out = new Float32Array(4);
    const argmax = new Int32Array(4);
    maxPoolForward(out, argmax, x, 1, g);
    expect(Array.from(out)).toEqual([5, 2, 0, 3]);
    expect(Array.from(argmax)).toEqual([1, 2, 8, 10]);
    const dInput = new Float32Array(16);
    maxPoolBackward(dInput, Float32Array.from([1, 2, 3, 4]), argmax, 1, g);
    expect(Array.from(dInput)).toEqual([0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
  });

  it.each(CASES)('backward matches finite differences, dropped rows get 0 (%o)', (g) => {
    const random = new SeededRandom(9);
    const next = () => random.nextFloat();
    const batch = 2;
    const inSize = g.channels * g.height * g.width;
    const outSize = g.channels * g.outHeight * g.outWidth;
    const x32 = randomValues(batch * inSize, next);
    const R = randomValues(batch * outSize, next);
    const out = new Float32Array(batch * outSize);
    const argmax = new Int32Array(batch * outSize);
    maxPoolForward(out, argmax, x32, batch, g);
    const dInput = new Float32Array(x32.length).fill(7);
    maxPoolBackward(dInput, R, argmax, batch, g);
    const x = Float64Array.from(x32);
    const loss = () => {
      let total = 0;
      for (let n = 0; n < batch; n++) {
        const pooled = referencePool({ data: x.subarray(n * inSize, (n + 1) * inSize), shape: g }, g.size);
        pooled.data.forEach((v, i) => (total += v * R[n * outSize + i]));
      }
      return total;
    };
    expectGradient('dInput', x, dInput, loss);
    expect(dInput.filter((v) => v !== 0)).toHaveLength(batch * outSize);
  });
});
