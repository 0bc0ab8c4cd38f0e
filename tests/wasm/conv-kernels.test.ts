// The WebAssembly conv layer (forward, input and filter gradients) and max-pooling match their TypeScript twins.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createConvScratch,
  im2colConv2dBackward,
  im2colConv2dForward,
  type ConvGeometry,
} from '../../src/nn/conv2d';
import { typescriptKernels } from '../../src/nn/kernels';
import { poolForward, type PoolGeometry } from '../../src/nn/max-pool';
import { SeededRandom } from '../../src/nn/random';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import type { WasmKernels } from '../../src/wasm/wasm-kernels';

let wasm: WasmKernels;

beforeAll(async () => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
  wasm = await loadWasmKernelsNode();
});

/** A random array in the kernels' arena (zeroFraction of it exactly 0), and an ordinary copy for the twin. */
function pair(random: SeededRandom, length: number, zeroFraction: number): [Float32Array, Float32Array] {
  const inArena = wasm.allocate(length);
  expect(inArena.buffer).toBe(wasm.memoryBuffer);
  for (let i = 0; i < length; i++) {
    const value = random.nextFloat() * 2 - 1;
    inArena[i] = random.nextFloat() < zeroFraction ? 0 : value;
  }
  return [inArena, inArena.slice()];
}

/**
 * Relative 1e-5, where values that cancelled to near zero are judged against the size of their terms (of
 * order 1 here): float32 rounding is relative to the terms, and the two sum them in different orders.
 */
function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.buffer).not.toBe(expected.buffer);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-5 * Math.max(Math.abs(expected[i]), 1);
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      expect.fail(`${what}: element ${i} is ${actual[i]}, the TypeScript twin gives ${expected[i]}`);
    }
  }
}

const geometries = fc
  .record({
    channels: fc.integer({ min: 1, max: 5 }),
    height: fc.integer({ min: 1, max: 13 }),
    width: fc.integer({ min: 1, max: 13 }),
    filters: fc.integer({ min: 1, max: 18 }),
    half: fc.integer({ min: 0, max: 3 }),
    same: fc.boolean(),
    batch: fc.integer({ min: 1, max: 3 }),
    zeroFraction: fc.constantFrom(0, 0.5, 0.81, 1),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .filter(({ height, width, half, same }) => same || (height > 2 * half && width > 2 * half));

function geometryOf(g: {
  channels: number;
  height: number;
  width: number;
  filters: number;
  half: number;
  same: boolean;
}): ConvGeometry {
  const size = 2 * g.half + 1;
  const padding = g.same ? g.half : 0;
  return {
    channels: g.channels,
    height: g.height,
    width: g.width,
    filters: g.filters,
    size,
    padding,
    outHeight: g.height + 2 * padding - size + 1,
    outWidth: g.width + 2 * padding - size + 1,
  };
}

describe('WebAssembly conv kernels', () => {
  it('the forward pass matches the im2col twin on random shapes, odd sizes and zeros included', () => {
    fc.assert(
      fc.property(geometries, (shape) => {
        const g = geometryOf(shape);
        const random = new SeededRandom(shape.seed);
        const inSize = g.channels * g.height * g.width;
        const outSize = g.filters * g.outHeight * g.outWidth;
        const patch = g.channels * g.size * g.size;
        const [input, inputRef] = pair(random, shape.batch * inSize, shape.zeroFraction);
        const [W, WRef] = pair(random, g.filters * patch, 0.1);
        const [b, bRef] = pair(random, g.filters, 0);
        const out = wasm.allocate(shape.batch * outSize);
        const outRef = new Float32Array(shape.batch * outSize);
        wasm.conv2dForward(
          out,
          input,
          W,
          b,
          shape.batch,
          g,
          createConvScratch(g, (n) => wasm.allocate(n)),
        );
        im2colConv2dForward(
          outRef,
          inputRef,
          WRef,
          bRef,
          shape.batch,
          g,
          createConvScratch(g),
          typescriptKernels,
        );
        expectClose(out, outRef, 'out');
      }),
      { numRuns: 60 },
    );
  });

  it('the filter, bias and input gradients match the im2col twin, ReLU-clipped outputs included', () => {
    fc.assert(
      fc.property(geometries, fc.boolean(), (shape, firstLayer) => {
        const g = geometryOf(shape);
        const random = new SeededRandom(shape.seed);
        const inSize = g.channels * g.height * g.width;
        const outSize = g.filters * g.outHeight * g.outWidth;
        const patch = g.channels * g.size * g.size;
        const [input, inputRef] = pair(random, shape.batch * inSize, shape.zeroFraction);
        const [W, WRef] = pair(random, g.filters * patch, 0.1);
        // Post-ReLU outputs: about half clipped to zero, which masks their gradients.
        const [out, outRef] = pair(random, shape.batch * outSize, 0.5);
        const [dOut, dOutRef] = pair(random, shape.batch * outSize, 0.1);
        const dW = wasm.allocate(g.filters * patch);
        const db = wasm.allocate(g.filters);
        const dInput = firstLayer ? null : wasm.allocate(shape.batch * inSize);
        const dWRef = new Float32Array(dW.length);
        const dbRef = new Float32Array(db.length);
        const dInputRef = firstLayer ? null : new Float32Array(shape.batch * inSize).fill(7);
        dW.fill(7);
        dInput?.fill(7);
        const scratch = createConvScratch(g, (n) => wasm.allocate(n));
        wasm.conv2dBackward(dInput, dW, db, dOut, out, input, W, shape.batch, g, scratch);
        im2colConv2dBackward(
          dInputRef,
          dWRef,
          dbRef,
          dOutRef,
          outRef,
          inputRef,
          WRef,
          shape.batch,
          g,
          createConvScratch(g),
          typescriptKernels,
        );
        expectClose(dW, dWRef, 'dW');
        expectClose(db, dbRef, 'db');
        if (dInput !== null && dInputRef !== null) expectClose(dInput, dInputRef, 'dInput');
        expectClose(dOut, dOutRef, 'dOut (left as it was)');
      }),
      { numRuns: 60 },
    );
  });

  it('takes weights that live outside its memory, and falls back to the twin for maps that do', () => {
    const g = geometryOf({ channels: 2, height: 9, width: 7, filters: 5, half: 1, same: true });
    const random = new SeededRandom(3);
    const [input, inputRef] = pair(random, 2 * 2 * 9 * 7, 0.5);
    const W = Float32Array.from({ length: 5 * 18 }, () => random.nextFloat() - 0.5);
    const b = Float32Array.from({ length: 5 }, () => random.nextFloat() - 0.5);
    const out = wasm.allocate(2 * 5 * 63);
    const outside = new Float32Array(out.length);
    const outRef = new Float32Array(out.length);
    wasm.conv2dForward(
      out,
      input,
      W,
      b,
      2,
      g,
      createConvScratch(g, (n) => wasm.allocate(n)),
    );
    wasm.conv2dForward(outside, inputRef, W, b, 2, g, createConvScratch(g));
    im2colConv2dForward(outRef, inputRef, W, b, 2, g, createConvScratch(g), typescriptKernels);
    expect(outRef.some((v) => v > 0)).toBe(true);
    expectClose(out, outRef, 'out');
    expectClose(outside, outRef, 'out outside the arena');
  });

  it('max-pooling matches its twin, maxima and their indices, ties and leftover rows included', () => {
    const pools = fc.record({
      channels: fc.integer({ min: 1, max: 6 }),
      height: fc.integer({ min: 1, max: 15 }),
      width: fc.integer({ min: 1, max: 15 }),
      size: fc.integer({ min: 1, max: 4 }),
      batch: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        pools.filter(({ height, width, size }) => height >= size && width >= size),
        ({ channels, height, width, size, batch, seed }) => {
          const g: PoolGeometry = {
            channels,
            height,
            width,
            size,
            outHeight: Math.floor(height / size),
            outWidth: Math.floor(width / size),
          };
          const random = new SeededRandom(seed);
          const input = wasm.allocate(batch * channels * height * width);
          // Few distinct values (half of them 0, as after ReLU): windows with ties are common.
          for (let i = 0; i < input.length; i++)
            input[i] = Math.max(0, Math.floor(random.nextFloat() * 6) - 3);
          const outputs = batch * channels * g.outHeight * g.outWidth;
          const out = wasm.allocate(outputs);
          const argmax = wasm.allocateInt32(outputs);
          const outRef = new Float32Array(outputs);
          const argmaxRef = new Int32Array(outputs);
          wasm.maxPoolForward(out, argmax, input, batch, g);
          poolForward(outRef, argmaxRef, input.slice(), batch, g);
          expect(argmax.buffer).toBe(wasm.memoryBuffer);
          expect(Array.from(out)).toEqual(Array.from(outRef));
          expect(Array.from(argmax)).toEqual(Array.from(argmaxRef));
        },
      ),
      { numRuns: 60 },
    );
  });
});
