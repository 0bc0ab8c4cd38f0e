// The convolution kernel against direct float64 convolution, and its gradients against finite differences.
import { describe, expect, it } from 'vitest';
import { conv2dBackward, conv2dForward, convGeometryOf, createConvScratch } from '../../src/nn/conv2d';
import { typescriptKernels } from '../../src/nn/kernels';
import { SeededRandom } from '../../src/nn/random';
import { expectGradient, randomValues } from './finite-differences';
import { referenceConv, relu } from './reference-cnn';

interface Case {
  channels: number;
  height: number;
  width: number;
  filters: number;
  size: number;
  padding: 'same' | 'valid';
  batch: number;
}

function setUp(c: Case, seed: number) {
  const random = new SeededRandom(seed);
  const next = () => random.nextFloat();
  const pad = c.padding === 'same' ? (c.size - 1) / 2 : 0;
  const outHeight = c.height + 2 * pad - c.size + 1;
  const outWidth = c.width + 2 * pad - c.size + 1;
  const input = { channels: c.channels, height: c.height, width: c.width };
  const g = convGeometryOf(
    input,
    { channels: c.filters, height: outHeight, width: outWidth },
    c.size,
    c.padding,
  );
  const inSize = c.channels * c.height * c.width;
  const outSize = c.filters * outHeight * outWidth;
  const x = randomValues(c.batch * inSize, next);
  const W = randomValues(c.filters * c.channels * c.size * c.size, next, 0.5);
  const b = randomValues(c.filters, next, 0.2);
  return { g, x, W, b, inSize, outSize, pad, input, next };
}

/** Σ_n relu(conv(x_n)) in float64, each output weighted by R (so dL/dOut = R). */
function referenceForward(
  c: Case,
  s: ReturnType<typeof setUp>,
  x: Float64Array,
  W: Float64Array,
  b: Float64Array,
) {
  const outputs: Float64Array[] = [];
  for (let n = 0; n < c.batch; n++) {
    const data = x.subarray(n * s.inSize, (n + 1) * s.inSize);
    outputs.push(relu(referenceConv({ data, shape: s.input }, W, b, c.filters, c.size, s.pad)).data);
  }
  return outputs;
}

const CASES: Case[] = [
  { channels: 1, height: 7, width: 6, filters: 3, size: 3, padding: 'same', batch: 2 },
  { channels: 2, height: 6, width: 7, filters: 2, size: 5, padding: 'same', batch: 2 },
  { channels: 3, height: 6, width: 5, filters: 2, size: 3, padding: 'valid', batch: 3 },
  { channels: 2, height: 5, width: 5, filters: 2, size: 2, padding: 'valid', batch: 1 },
];

describe('conv2d', () => {
  it.each(CASES)('forward matches direct convolution + ReLU (%o)', (c) => {
    const s = setUp(c, 11);
    const out = new Float32Array(c.batch * s.outSize);
    conv2dForward(out, s.x, s.W, s.b, c.batch, s.g, createConvScratch(s.g), typescriptKernels);
    const expected = referenceForward(
      c,
      s,
      Float64Array.from(s.x),
      Float64Array.from(s.W),
      Float64Array.from(s.b),
    );
    let positives = 0;
    for (let n = 0; n < c.batch; n++) {
      for (let i = 0; i < s.outSize; i++) {
        expect(out[n * s.outSize + i]).toBeCloseTo(expected[n][i], 5);
        if (expected[n][i] > 0) positives++;
      }
    }
    // ReLU must have cut some outputs and kept others for the comparison to cover both.
    expect(positives).toBeGreaterThan(0);
    expect(positives).toBeLessThan(c.batch * s.outSize);
  });

  it.each(CASES)('dW, db and dInput match finite differences (%o)', (c) => {
    const s = setUp(c, 23);
    const R = randomValues(c.batch * s.outSize, s.next);
    const out = new Float32Array(c.batch * s.outSize);
    const scratch = createConvScratch(s.g);
    conv2dForward(out, s.x, s.W, s.b, c.batch, s.g, scratch, typescriptKernels);
    const dW = new Float32Array(s.W.length);
    const db = new Float32Array(s.b.length);
    const dInput = new Float32Array(s.x.length).fill(7); // stale values must be overwritten
    conv2dBackward(dInput, dW, db, R.slice(), out, s.x, s.W, c.batch, s.g, scratch, typescriptKernels);

    const x = Float64Array.from(s.x);
    const W = Float64Array.from(s.W);
    const b = Float64Array.from(s.b);
    const loss = () =>
      referenceForward(c, s, x, W, b).reduce(
        (total, o, n) => total + o.reduce((sum, v, i) => sum + v * R[n * s.outSize + i], 0),
        0,
      );
    expectGradient('dW', W, dW, loss);
    expectGradient('db', b, db, loss);
    expectGradient('dInput', x, dInput, loss);
  });

  it('leaves the input gradient alone for the first layer (dInput null) and gives the same dW', () => {
    const c = CASES[0];
    const s = setUp(c, 5);
    const out = new Float32Array(c.batch * s.outSize);
    const scratch = createConvScratch(s.g);
    conv2dForward(out, s.x, s.W, s.b, c.batch, s.g, scratch, typescriptKernels);
    const dOut = randomValues(out.length, s.next);
    const withInput = new Float32Array(s.W.length);
    const withoutInput = new Float32Array(s.W.length);
    const db = new Float32Array(s.b.length);
    conv2dBackward(
      new Float32Array(s.x.length),
      withInput,
      db,
      dOut,
      out,
      s.x,
      s.W,
      c.batch,
      s.g,
      scratch,
      typescriptKernels,
    );
    conv2dBackward(null, withoutInput, db, dOut, out, s.x, s.W, c.batch, s.g, scratch, typescriptKernels);
    expect(withoutInput).toEqual(withInput);
    expect(withInput.some((v) => v !== 0)).toBe(true);
  });
});
