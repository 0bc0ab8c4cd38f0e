// The WebAssembly SIMD kernels give the TypeScript kernels' results (relative 1e-5) on random shapes.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { magnitude, randomMatrix } from '../../src/bench/product-tolerance';
import { typescriptKernels } from '../../src/nn/kernels';
import { SeededRandom } from '../../src/nn/random';
import { createSparseRows, fillSparseRowsFromDense, type SparseRows } from '../../src/nn/sparse-rows';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import type { WasmKernels } from '../../src/wasm/wasm-kernels';

let wasm: WasmKernels;

beforeAll(async () => {
  // Normally done by npm install; a no-op when the .wasm is newer than assembly/.
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
  wasm = await loadWasmKernelsNode();
});

/**
 * Float32 sums in a different order differ by rounding relative to the size of the terms, not of the
 * (possibly cancelled) result: the tolerance is 1e-5 of Σ|a||b| for each output.
 */
function expectAgree(actual: Float32Array, expected: Float32Array, scale: Float64Array, what: string): void {
  for (let i = 0; i < scale.length; i++) {
    const tolerance = 1e-5 * scale[i] + 1e-30;
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      expect.fail(`${what}: element ${i} is ${actual[i]}, the TypeScript kernel gives ${expected[i]}`);
    }
  }
}

function transposed(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
  return out;
}

/** A·B, Aᵀ·B and A·Bᵀ (operands stored to suit each) against the TypeScript A·B. */
function expectDenseProductsAgree(a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
  const scale = magnitude(a, b, m, k, n);
  const expected = new Float32Array(m * n);
  typescriptKernels.matmul(expected, a, b, m, k, n);
  // Stale output values must not leak into the result.
  const out = new Float32Array(m * n).fill(7);
  wasm.matmul(out, a, b, m, k, n);
  expectAgree(out, expected, scale, `A·B ${m}x${k}x${n}`);
  out.fill(7);
  wasm.matmulAtB(out, transposed(a, m, k), b, m, k, n);
  expectAgree(out, expected, scale, `Aᵀ·B ${m}x${k}x${n}`);
  out.fill(7);
  wasm.matmulABt(out, a, transposed(b, k, n), m, k, n);
  expectAgree(out, expected, scale, `A·Bᵀ ${m}x${k}x${n}`);
}

/** S·B and Sᵀ·B for S = `dense` (m×k) as sparse rows, against the TypeScript kernels. */
function expectSparseProductsAgree(
  random: SeededRandom,
  dense: Float32Array,
  m: number,
  k: number,
  n: number,
  what: string,
): void {
  const s: SparseRows = createSparseRows(m, k);
  fillSparseRowsFromDense(s, dense, m, k);
  const b = randomMatrix(random, k * n, 0);
  const expected = new Float32Array(m * n);
  typescriptKernels.sparseMatmul(expected, s, b, m, n);
  const out = new Float32Array(m * n).fill(7);
  wasm.sparseMatmul(out, s, b, m, n);
  expectAgree(out, expected, magnitude(dense, b, m, k, n), `S·B${what}`);

  const g = randomMatrix(random, m * n, 0);
  const expectedT = new Float32Array(k * n);
  typescriptKernels.sparseMatmulAtB(expectedT, s, g, m, k, n);
  const outT = new Float32Array(k * n).fill(7);
  wasm.sparseMatmulAtB(outT, s, g, m, k, n);
  expectAgree(outT, expectedT, magnitude(transposed(dense, m, k), g, k, m, n), `Sᵀ·B${what}`);
}

const shapes = fc.record({
  m: fc.integer({ min: 1, max: 40 }),
  k: fc.integer({ min: 1, max: 80 }),
  n: fc.integer({ min: 1, max: 80 }),
  zeroFraction: fc.constantFrom(0, 0.5, 0.9, 1),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('WebAssembly SIMD kernels', () => {
  it('names themselves for the engine badge', () => {
    expect(wasm.name).toBe('WebAssembly SIMD');
  });

  it('A·B, Aᵀ·B and A·Bᵀ match the TypeScript kernels on random shapes, odd sizes and zeros', () => {
    fc.assert(
      fc.property(shapes, ({ m, k, n, zeroFraction, seed }) => {
        const random = new SeededRandom(seed);
        const a = randomMatrix(random, m * k, zeroFraction);
        expectDenseProductsAgree(a, randomMatrix(random, k * n, 0), m, k, n);
      }),
      { numRuns: 60 },
    );
  });

  it('sparse S·B and Sᵀ·B match the TypeScript kernels, empty rows included', () => {
    fc.assert(
      fc.property(shapes, ({ m, k, n, zeroFraction, seed }) => {
        const random = new SeededRandom(seed);
        const dense = randomMatrix(random, m * k, zeroFraction);
        expectSparseProductsAgree(random, dense, m, k, n, '');
      }),
      { numRuns: 60 },
    );
  });

  it('matches at the block and panel edges: widths around 4, 8, 24 and 48, one row, all-zero rows', () => {
    const random = new SeededRandom(11);
    const widths = [1, 2, 3, 4, 5, 7, 9, 10, 23, 25, 26, 47, 49, 50, 97, 100, 200, 201];
    for (const [m, k] of [
      [1, 9],
      [5, 130],
    ]) {
      for (const n of widths) {
        const dense = randomMatrix(random, m * k, 0.6);
        dense.fill(0, 0, k); // an empty first row: zero terms in every sum
        expectDenseProductsAgree(dense, randomMatrix(random, k * n, 0), m, k, n);
        expectSparseProductsAgree(random, dense, m, k, n, ` ${m}x${k}x${n}`);
      }
    }
  });

  it('transposes any shape exactly, ragged edges included', () => {
    fc.assert(
      fc.property(shapes, ({ m, k, seed }) => {
        const a = randomMatrix(new SeededRandom(seed), m * k, 0.2);
        const out = new Float32Array(m * k).fill(7);
        wasm.transpose(out, a, m, k);
        expect(Array.from(out)).toEqual(Array.from(transposed(a, m, k)));
      }),
      { numRuns: 60 },
    );
  });

  it('transposes a block into the columns of a wider matrix, leaving the other columns alone', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 0, max: 9 }), ({ m, k, seed }, extra) => {
        // A (m×k) becomes columns [extra, extra + m) of an out with k rows of m + 2·extra: both in the arena.
        const stride = m + 2 * extra;
        const a = wasm.allocate(m * k);
        a.set(randomMatrix(new SeededRandom(seed), m * k, 0.2));
        const out = wasm.allocate(k * stride);
        out.fill(7);
        const expected = out.slice();
        typescriptKernels.transposeInto?.(expected.subarray(extra), a, m, k, stride);
        wasm.transposeInto(out.subarray(extra), a, m, k, stride);
        expect(Array.from(out)).toEqual(Array.from(expected));
        // The twin itself: A(r, c) lands at row c, column extra + r; the columns around the block stay 7.
        for (let r = 0; r < m; r++) {
          for (let c = 0; c < k; c++) expect(expected[c * stride + extra + r]).toBe(a[r * k + c]);
        }
        expect(expected.filter((v) => v === 7).length).toBeGreaterThanOrEqual(2 * extra * k);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same numbers whether the operands live in its arena or in ordinary arrays', async () => {
    const kernels = await loadWasmKernelsNode();
    const random = new SeededRandom(3);
    const [m, k, n] = [37, 61, 45];
    const a = randomMatrix(random, m * k, 0.5);
    const b = randomMatrix(random, k * n, 0);
    const inArena = [kernels.allocate(m * k), kernels.allocate(k * n), kernels.allocate(m * n)];
    inArena[0].set(a);
    inArena[1].set(b);
    expect(inArena.every((x) => x.buffer !== a.buffer)).toBe(true);
    kernels.matmul(inArena[2], inArena[0], inArena[1], m, k, n);
    const plain = new Float32Array(m * n);
    kernels.matmul(plain, a, b, m, k, n);
    expect(Array.from(inArena[2])).toEqual(Array.from(plain));
  });

  it('falls back to ordinary arrays and the TypeScript kernels when its arena is full', async () => {
    const kernels = await loadWasmKernelsNode();
    const filler = kernels.allocate(Math.floor(kernels.freeBytes / 4) - 8);
    expect(filler.length).toBeGreaterThan(1_000_000);
    const extra = kernels.allocate(1000);
    expect(extra.buffer).not.toBe(filler.buffer);
    const random = new SeededRandom(5);
    const [m, k, n] = [20, 30, 40];
    const a = randomMatrix(random, m * k, 0.3);
    const b = randomMatrix(random, k * n, 0);
    const expected = new Float32Array(m * n);
    typescriptKernels.matmul(expected, a, b, m, k, n);
    const out = new Float32Array(m * n);
    kernels.matmul(out, a, b, m, k, n);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });
});
