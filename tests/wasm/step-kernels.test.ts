// The WebAssembly step kernels (bias+ReLU, ReLU mask, column sums, optimizer updates) match their TypeScript twins.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBiasRelu } from '../../src/nn/bias-relu';
import { columnSum } from '../../src/nn/column-sum';
import { adamUpdate, axpy, momentumUpdate, momentumUpdateSum } from '../../src/nn/optimizer-updates';
import { SeededRandom } from '../../src/nn/random';
import { reluBackward } from '../../src/nn/relu-backward';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import type { WasmKernels } from '../../src/wasm/wasm-kernels';

let wasm: WasmKernels;

beforeAll(async () => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
  wasm = await loadWasmKernelsNode();
});

/** A random array in the kernels' arena, and an ordinary copy for the TypeScript twin. */
function pair(
  random: SeededRandom,
  length: number,
  zeroFraction = 0,
  positive = false,
): [Float32Array, Float32Array] {
  const inArena = wasm.allocate(length);
  for (let i = 0; i < length; i++) {
    const value = positive ? random.nextFloat() : random.nextFloat() * 2 - 1;
    inArena[i] = random.nextFloat() < zeroFraction ? 0 : value;
  }
  return [inArena, inArena.slice()];
}

/**
 * Relative 1e-5, where values that cancelled to near zero are judged against `scale`, the size of the terms
 * that made them (operands here are of order 1): float32 rounding is relative to the terms, not the result.
 */
function expectClose(actual: Float32Array, expected: Float32Array, what: string, scale = 1e-3): void {
  expect(actual.buffer).not.toBe(expected.buffer);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-5 * Math.max(Math.abs(expected[i]), scale);
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      expect.fail(`${what}: element ${i} is ${actual[i]}, the TypeScript twin gives ${expected[i]}`);
    }
  }
}

const shapes = fc.record({
  rows: fc.integer({ min: 1, max: 40 }),
  cols: fc.integer({ min: 1, max: 70 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('WebAssembly step kernels', () => {
  it('bias+ReLU and bias alone match the TypeScript twin, odd widths included', () => {
    fc.assert(
      fc.property(shapes, fc.boolean(), ({ rows, cols, seed }, relu) => {
        const random = new SeededRandom(seed);
        const [z, zRef] = pair(random, rows * cols);
        const [bias, biasRef] = pair(random, cols);
        wasm.addBiasRelu(z, bias, rows, cols, relu);
        addBiasRelu(zRef, biasRef, rows, cols, relu);
        expectClose(z, zRef, 'addBiasRelu');
        if (relu) expect(z.every((v) => v >= 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the ReLU mask zeroes exactly where the activation is not positive', () => {
    fc.assert(
      fc.property(shapes, ({ rows, cols, seed }) => {
        const random = new SeededRandom(seed);
        const [grad, gradRef] = pair(random, rows * cols);
        const activation = wasm.allocate(rows * cols);
        for (let i = 0; i < activation.length; i++)
          activation[i] = random.nextFloat() < 0.5 ? 0 : random.nextFloat();
        wasm.reluBackward(grad, activation, rows * cols);
        reluBackward(gradRef, activation.slice(), rows * cols);
        expect(Array.from(grad)).toEqual(Array.from(gradRef));
      }),
      { numRuns: 40 },
    );
  });

  it('column sums match the TypeScript twin', () => {
    fc.assert(
      fc.property(shapes, ({ rows, cols, seed }) => {
        const random = new SeededRandom(seed);
        const [a, aRef] = pair(random, rows * cols, 0.5);
        const out = wasm.allocate(cols);
        const outRef = new Float32Array(cols);
        wasm.columnSum(out, a, rows, cols);
        columnSum(outRef, aRef, rows, cols);
        expectClose(out, outRef, 'columnSum');
      }),
      { numRuns: 40 },
    );
  });

  it('SGD/L2 (axpy), both momenta and Adam match their twins over several steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const random = new SeededRandom(seed);
        const [w, wRef] = pair(random, n);
        const [g, gRef] = pair(random, n, 0.3);
        const [v, vRef] = pair(random, n);
        const [s, sRef] = pair(random, n, 0, true);
        for (let step = 0; step < 3; step++) {
          wasm.axpy(g, w, 1e-3, n);
          axpy(gRef, wRef, 1e-3, n);
          wasm.momentumUpdate(w, g, v, 0.5, 0.9, 0.1, n);
          momentumUpdate(wRef, gRef, vRef, 0.5, 0.9, 0.1, n);
          wasm.momentumUpdate(w, g, v, 0.05, 0.9, 1, n);
          momentumUpdate(wRef, gRef, vRef, 0.05, 0.9, 1, n);
          wasm.adamUpdate(w, g, v, s, 0.001, 0.9, 0.999, 1e-8, n);
          adamUpdate(wRef, gRef, vRef, sRef, 0.001, 0.9, 0.999, 1e-8, n);
          wasm.axpy(w, g, -0.1, n);
          axpy(wRef, gRef, -0.1, n);
        }
        expectClose(v, vRef, 'first moment', 1);
        expectClose(s, sRef, 'second moment');
        expectClose(w, wRef, 'weights', 1);
      }),
      { numRuns: 40 },
    );
  });

  it("the fused update of two workers' gradients gives exactly the numbers of their sum then momentum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const random = new SeededRandom(seed);
        const [w, wTs] = pair(random, n);
        const [g, gTs] = pair(random, n, 0.3);
        const [g2, g2Ts] = pair(random, n, 0.3);
        const [v, vTs] = pair(random, n);
        // The unfused path on copies: the sum written into a copy of g, then momentum, in each language.
        const [wSplit, wTsSplit] = [w.slice(), wTs.slice()];
        const [vSplit, vTsSplit] = [v.slice(), vTs.slice()];
        const sum = wasm.allocate(n);
        sum.set(g);
        const sumTs = gTs.slice();
        const wasmSplit = [wasm.allocate(n), wasm.allocate(n)];
        wasmSplit[0].set(wSplit);
        wasmSplit[1].set(vSplit);
        wasm.axpy(sum, g2, 1, n);
        wasm.momentumUpdate(wasmSplit[0], sum, wasmSplit[1], 0.5, 0.9, 0.1, n);
        axpy(sumTs, g2Ts, 1, n);
        momentumUpdate(wTsSplit, sumTs, vTsSplit, 0.5, 0.9, 0.1, n);

        wasm.momentumUpdateSum(w, g, g2, v, 0.5, 0.9, 0.1, n);
        momentumUpdateSum(wTs, gTs, g2Ts, vTs, 0.5, 0.9, 0.1, n);
        expect(Array.from(w)).toEqual(Array.from(wasmSplit[0]));
        expect(Array.from(v)).toEqual(Array.from(wasmSplit[1]));
        expect(Array.from(wTs)).toEqual(Array.from(wTsSplit));
        expect(Array.from(vTs)).toEqual(Array.from(vTsSplit));
        // Neither gradient is written.
        expect(Array.from(g)).toEqual(Array.from(gTs));
        expectClose(w, wTs, 'fused update against its twin', 1);
      }),
      { numRuns: 40 },
    );
  });

  it('runs the TypeScript twin on operands outside its arena, with the same result', () => {
    const random = new SeededRandom(9);
    const [z, zRef] = pair(random, 6 * 7);
    const bias = Float32Array.from({ length: 7 }, () => random.nextFloat() - 0.5);
    wasm.addBiasRelu(z, bias, 6, 7, true);
    addBiasRelu(zRef, bias, 6, 7, true);
    expectClose(z, zRef, 'addBiasRelu with an ordinary bias');
  });
});
