// The WebAssembly sparse-row builder lists exactly the pixels, values and row starts the TypeScript one does.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createSparseRows, fillSparseRows, type SparseRows } from '../../src/nn/sparse-rows';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import type { WasmKernels } from '../../src/wasm/wasm-kernels';

let wasm: WasmKernels;

beforeAll(async () => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
  wasm = await loadWasmKernelsNode();
});

function expectSameRows(actual: SparseRows, expected: SparseRows, rows: number): void {
  const entries = expected.rowStart[rows];
  expect(Array.from(actual.rowStart.subarray(0, rows + 1))).toEqual(
    Array.from(expected.rowStart.subarray(0, rows + 1)),
  );
  expect(Array.from(actual.columns.subarray(0, entries))).toEqual(
    Array.from(expected.columns.subarray(0, entries)),
  );
  expect(Array.from(actual.values.subarray(0, entries))).toEqual(
    Array.from(expected.values.subarray(0, entries)),
  );
}

describe('WasmKernels.fillSparseRows', () => {
  it('builds the rows of real MNIST batches exactly as the TypeScript twin, in a shuffled order and in sequence', () => {
    const train = loadMnistFromDisk('train');
    const order = Uint32Array.from({ length: 1000 }, (_, i) => (i * 7919) % train.count);
    const inArena = createSparseRows(128, 784, wasm);
    expect(inArena.columns.buffer).toBe(wasm.memoryBuffer);
    const reference = createSparseRows(128, 784);
    for (const [start, count, withOrder] of [
      [0, 128, true],
      [300, 64, true],
      [872, 128, false],
      [5, 1, true],
    ] as const) {
      const o = withOrder ? order : null;
      wasm.fillSparseRows(inArena, train.images, 784, o, start, count);
      fillSparseRows(reference, train.images, 784, o, start, count);
      expectSameRows(inArena, reference, count);
    }
  });

  it('gets the values right on the first call of a fresh instance (its scale table is placed then)', async () => {
    const fresh = await loadWasmKernelsNode();
    const train = loadMnistFromDisk('test');
    const inArena = createSparseRows(32, 784, fresh);
    const reference = createSparseRows(32, 784);
    fresh.fillSparseRows(inArena, train.images, 784, null, 100, 32);
    fillSparseRows(reference, train.images, 784, null, 100, 32);
    expectSameRows(inArena, reference, 32);
  });

  it('handles any image size (pixels left over after the 16-byte groups) and any brightness', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (pixelsPerImage, count, seed) => {
          let state = seed;
          const pixels = Uint8Array.from({ length: pixelsPerImage * count }, () => {
            state = (state * 1103515245 + 12345) >>> 0;
            return state % 3 === 0 ? 0 : state >>> 24;
          });
          const inArena = createSparseRows(count, pixelsPerImage, wasm);
          const reference = createSparseRows(count, pixelsPerImage);
          wasm.fillSparseRows(inArena, pixels, pixelsPerImage, null, 0, count);
          fillSparseRows(reference, pixels, pixelsPerImage, null, 0, count);
          expectSameRows(inArena, reference, count);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fills rows that live outside its memory with the TypeScript twin', () => {
    const pixels = Uint8Array.from([0, 0, 255, 1, 0, 128, 0, 0]);
    const outside = createSparseRows(2, 4);
    wasm.fillSparseRows(outside, pixels, 4, Uint32Array.of(1, 0), 0, 2);
    expect(Array.from(outside.rowStart.subarray(0, 3))).toEqual([0, 1, 3]);
    expect(Array.from(outside.columns.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(outside.values.subarray(0, 3))).toEqual([
      Math.fround(128 / 255),
      1,
      Math.fround(1 / 255),
    ]);
  });
});
