// Every kernel against a plain float64 reference, on random shapes including odd sizes and sparse inputs.
import { describe, expect, it } from 'vitest';
import { argmax } from '../../src/nn/argmax';
import { addBiasRelu } from '../../src/nn/bias-relu';
import { columnSum } from '../../src/nn/column-sum';
import { crossEntropySum, PROBABILITY_FLOOR, softmaxCrossEntropyBackward } from '../../src/nn/cross-entropy';
import { typescriptKernels } from '../../src/nn/kernels';
import { SeededRandom } from '../../src/nn/random';
import { reluBackward } from '../../src/nn/relu-backward';
import { softmaxRows } from '../../src/nn/softmax';
import { createSparseRows, fillSparseRows, fillSparseRowsFromDense } from '../../src/nn/sparse-rows';
import { transpose } from '../../src/nn/transpose';
import { naiveMatmul, naiveTranspose } from './reference-mlp';

const random = new SeededRandom(42);
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 3],
  [2, 4, 8],
  [3, 5, 7],
  [5, 3, 1],
  [9, 17, 13],
  [16, 33, 10],
  [31, 64, 9],
  [128, 25, 10],
];

function randomMatrix(length: number, zeroFraction = 0): Float32Array {
  return Float32Array.from({ length }, () =>
    random.nextFloat() < zeroFraction ? 0 : random.nextFloat() * 2 - 1,
  );
}

function expectClose(actual: Float32Array, expected: Float64Array, what: string) {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
    expect(Math.abs(actual[i] - expected[i]), `${what} at ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThan(
      tolerance * 10,
    );
  }
}

describe('dense matrix products', () => {
  it.each(SHAPES)('A·B, Aᵀ·B and A·Bᵀ match the naive product for m=%i k=%i n=%i', (m, k, n) => {
    for (const zeros of [0, 0.8]) {
      const a = randomMatrix(m * k, zeros);
      const b = randomMatrix(k * n);
      const expected = naiveMatmul(a, b, m, k, n);
      // Stale values in the output must not leak into the result.
      const out = new Float32Array(m * n).fill(7);
      typescriptKernels.matmul(out, a, b, m, k, n);
      expectClose(out, expected, 'A·B');
      out.fill(7);
      typescriptKernels.matmulAtB(out, Float32Array.from(naiveTranspose(a, m, k)), b, m, k, n);
      expectClose(out, expected, 'Aᵀ·B');
      out.fill(7);
      typescriptKernels.matmulABt(out, a, Float32Array.from(naiveTranspose(b, k, n)), m, k, n);
      expectClose(out, expected, 'A·Bᵀ');
    }
  });
});

describe('sparse first-layer products', () => {
  it.each(SHAPES)('S·B and Sᵀ·B match the dense product for m=%i k=%i n=%i', (m, k, n) => {
    for (const zeros of [0, 0.5, 0.8, 1]) {
      const s = randomMatrix(m * k, zeros);
      const rows = createSparseRows(m, k);
      fillSparseRowsFromDense(rows, s, m, k);
      expect(rows.rowStart[m]).toBe(s.filter((x) => x !== 0).length);
      const b = randomMatrix(k * n);
      const out = new Float32Array(m * n).fill(7);
      typescriptKernels.sparseMatmul(out, rows, b, m, n);
      expectClose(out, naiveMatmul(s, b, m, k, n), 'S·B');
      const c = randomMatrix(m * n);
      const outT = new Float32Array(k * n).fill(7);
      typescriptKernels.sparseMatmulAtB(outT, rows, c, m, k, n);
      expectClose(outT, naiveMatmul(naiveTranspose(s, m, k), c, k, m, n), 'Sᵀ·B');
    }
  });

  it('reads uint8 images in the shuffled order, scaled to [0, 1], keeping only non-zero pixels', () => {
    const pixels = Uint8Array.from([0, 255, 0, 51, 7, 0, 0, 0, 0]);
    const rows = createSparseRows(2, 3);
    fillSparseRows(rows, pixels, 3, Uint32Array.from([2, 0, 1]), 0, 2);
    expect(Array.from(rows.rowStart.subarray(0, 3))).toEqual([0, 0, 1]);
    expect(rows.columns[0]).toBe(1);
    expect(rows.values[0]).toBe(Math.fround(1));
  });
});

describe('elementwise kernels', () => {
  it('transposes odd shapes', () => {
    for (const [rows, cols] of [
      [1, 1],
      [3, 17],
      [33, 5],
      [200, 784],
    ] as const) {
      const a = randomMatrix(rows * cols);
      const out = new Float32Array(rows * cols);
      transpose(out, a, rows, cols);
      expect(Array.from(out)).toEqual(Array.from(naiveTranspose(a, rows, cols), Math.fround));
    }
  });

  it('adds the bias per column, with ReLU only when asked', () => {
    const z = Float32Array.from([1, -2, 3, -4, 0.5, -0.5]);
    addBiasRelu(z, Float32Array.from([0, 1, -1]), 2, 3, true);
    expect(Array.from(z)).toEqual([1, 0, 2, 0, 1.5, 0]);
    const y = Float32Array.from([1, -2]);
    addBiasRelu(y, Float32Array.from([-3]), 2, 1, false);
    expect(Array.from(y)).toEqual([-2, -5]);
  });

  it('sums columns and masks gradients where the unit was inactive', () => {
    const out = new Float32Array(2).fill(9);
    columnSum(out, Float32Array.from([1, 2, 3, 4, 5, 6]), 3, 2);
    expect(Array.from(out)).toEqual([9, 12]);
    const grad = Float32Array.from([1, 2, 3, 4]);
    reluBackward(grad, Float32Array.from([0, 0.1, 0, 2]), 4);
    expect(Array.from(grad)).toEqual([0, 2, 0, 4]);
  });

  it('softmax of logits around ±1000 is finite and sums to 1', () => {
    const logits = Float32Array.from([
      1000, 999, -1000, 0, -1000, -999, -1001, -1000, 1000, 1000, 1000, 1000,
    ]);
    const p = new Float32Array(12);
    softmaxRows(p, logits, 3, 4);
    for (let r = 0; r < 3; r++) {
      const row = Array.from(p.subarray(r * 4, r * 4 + 4));
      expect(row.every(Number.isFinite)).toBe(true);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    }
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(p[8]).toBeCloseTo(0.25, 6);
  });

  it('cross-entropy of a confident wrong answer is finite (clipped), and the output gradient is P − Y over m', () => {
    const p = new Float32Array(10);
    p[3] = 1; // all the mass on 3; the label is 7
    const loss = crossEntropySum(p, Uint8Array.from([7]), null, 0, 1, 10);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(-Math.log(PROBABILITY_FLOOR), 6);
    const dZ = new Float32Array(20);
    const p2 = Float32Array.from({ length: 20 }, () => 0.1);
    softmaxCrossEntropyBackward(dZ, p2, Uint8Array.from([9, 2, 0]), Uint32Array.from([1, 0]), 0, 2, 10);
    expect(dZ[2]).toBeCloseTo(-0.45, 6);
    expect(dZ[19]).toBeCloseTo(-0.45, 6);
    expect(dZ[0]).toBeCloseTo(0.05, 6);
  });

  it('argmax picks the largest, the first on a tie', () => {
    expect(argmax(Float32Array.from([0, 3, 1, 3]), 0, 4)).toBe(1);
    expect(argmax(Float32Array.from([9, 0, 5, 6]), 1, 3)).toBe(2);
  });
});
