// .npz import rules: float64 and transposed weights accepted, and every malformed archive refused with a precise message.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { networkFromNpz, networkToNpz } from '../../src/io/network-npz';
import { decodeNpz, encodeNpz } from '../../src/io/npz';
import type { NpyArray } from '../../src/io/npy';
import { importModelFile } from '../../src/io/model-import';
import { createNetwork } from '../../src/nn/network';
import { dense } from './fixtures';
import { ModelFormatError } from '../../src/nn/model-format-error';

const SIZES = [784, 5, 10];
const net = () => createNetwork(SIZES, 3);

function transposeTo64(w: Float32Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c];
  return out;
}

function arraysOf(params = net()): Record<string, NpyArray> {
  return Object.fromEntries(decodeNpz(networkToNpz(params)));
}

function expectRefused(arrays: Record<string, NpyArray>, message: RegExp) {
  const bytes = encodeNpz(arrays);
  expect(() => networkFromNpz(bytes)).toThrow(ModelFormatError);
  expect(() => networkFromNpz(bytes)).toThrow(message);
}

describe('networkToNpz', () => {
  it('writes W{i} (units, inputs) float32, b{i} (units, 1) and layer_sizes int32', () => {
    const arrays = arraysOf();
    expect(Object.keys(arrays).sort()).toEqual(['W0', 'W1', 'b0', 'b1', 'layer_sizes']);
    expect(arrays.W0).toMatchObject({ dtype: '<f4', shape: [5, 784] });
    expect(arrays.b1).toMatchObject({ dtype: '<f4', shape: [10, 1] });
    expect(arrays.layer_sizes.dtype).toBe('<i4');
    expect(Array.from(arrays.layer_sizes.data as Int32Array)).toEqual(SIZES);
  });
});

describe('networkFromNpz', () => {
  it('rounds float64 (units, inputs) weights to float32 and takes int64 layer_sizes', () => {
    const params = net();
    const W0 = Float64Array.from(params.W[0], (x) => x + 1e-9);
    const bytes = encodeNpz({
      W0: { dtype: '<f8', shape: [5, 784], data: W0 },
      b0: { dtype: '<f8', shape: [5], data: new Float64Array(5) },
      W1: { dtype: '<f8', shape: [10, 5], data: Float64Array.from(params.W[1]) },
      b1: { dtype: '<f8', shape: [10, 1], data: Float64Array.from({ length: 10 }, (_, i) => i / 3) },
      layer_sizes: { dtype: '<i8', shape: [3], data: BigInt64Array.from(SIZES.map(BigInt)) },
    });
    const back = networkFromNpz(bytes);
    expect(dense(back).layerSizes).toEqual(SIZES);
    expect(back.W[0]).toEqual(Float32Array.from(W0));
    expect(back.W[0]).not.toEqual(params.W[0]);
    expect(back.b[1][2]).toBe(Math.fround(2 / 3));
  });

  it('transposes (inputs, units) weights, which only one reading of the chain allows', () => {
    const params = net();
    const bytes = encodeNpz({
      W0: { dtype: '<f8', shape: [784, 5], data: transposeTo64(params.W[0], 5, 784) },
      b0: { dtype: '<f4', shape: [1, 5], data: params.b[0] },
      W1: { dtype: '<f8', shape: [5, 10], data: transposeTo64(params.W[1], 10, 5) },
      b1: { dtype: '<f4', shape: [10], data: params.b[1] },
    });
    const back = networkFromNpz(bytes);
    expect(dense(back).layerSizes).toEqual(SIZES);
    expect(back.W[0]).toEqual(params.W[0]);
    expect(back.W[1]).toEqual(params.W[1]);
  });

  it('names the array, the expectation and the finding', () => {
    const a = arraysOf();
    expectRefused(
      { ...a, W1: { ...a.W1, shape: [10, 6], data: new Float32Array(60) } },
      /W1 has shape \(10, 6\) but W0 gives 5 outputs, so it should be \(units, 5\)/,
    );
    expectRefused(
      { ...a, W0: { dtype: '<f4', shape: [5, 783], data: new Float32Array(5 * 783) } },
      /W0 has shape \(5, 783\) but the first layer takes the 784 pixels/,
    );
    expectRefused(
      { ...a, W1: { ...a.W1, shape: [9, 5], data: new Float32Array(45) } },
      /the last layer W1 has 9 units, expected 10/,
    );
    expectRefused(
      { ...a, W0: { dtype: '<i4', shape: [5, 784], data: new Int32Array(5 * 784) } },
      /W0 must be float32 or float64, found int32/,
    );
    expectRefused(
      { ...a, b0: { dtype: '<f4', shape: [6, 1], data: new Float32Array(6) } },
      /b0 must have shape \(5, 1\) for a layer of 5 units, found \(6, 1\)/,
    );
    expectRefused(
      { ...a, layer_sizes: { dtype: '<i4', shape: [3], data: Int32Array.from([784, 6, 10]) } },
      /layer_sizes says \[784, 6, 10\] but the weights chain as \[784, 5, 10\]/,
    );
    expectRefused(
      { ...a, layer_sizes: { dtype: '<f4', shape: [3], data: Float32Array.from(SIZES) } },
      /layer_sizes must hold integers \(int32 or int64\), found float32/,
    );
    const { b1: _b1, ...noB1 } = a;
    expectRefused(noB1, /the archive has W1 but no b1; found W0, W1, b0, layer_sizes/);
    expectRefused(
      { ...a, W3: a.W1 },
      /the archive has W3 but no W2; layers must be numbered from 0 without gaps/,
    );
    expectRefused(
      { other: a.W0 },
      /the archive has no array W0; expected W0, b0, W1, b1, … and layer_sizes, found other/,
    );
    expectRefused(
      { ...a, W0: { ...a.W0, shape: [5, 28, 28] } },
      /W0 must be a 2-D matrix \(units, inputs\), found shape \(5, 28, 28\)/,
    );
  });

  it('refuses NaN, infinite and out-of-float32-range weights, saying where', () => {
    const a = arraysOf();
    const withValue = (value: number, dtype: '<f4' | '<f8') => {
      const data = dtype === '<f4' ? new Float32Array(50) : new Float64Array(50);
      data[17] = value;
      return { ...a, W1: { dtype, shape: [10, 5], data } };
    };
    expectRefused(withValue(NaN, '<f4'), /W1\[3, 2\] is NaN; every weight must be a finite number/);
    expectRefused(withValue(-Infinity, '<f8'), /W1\[3, 2\] is -Infinity/);
    expectRefused(withValue(1e300, '<f8'), /W1\[3, 2\] is 1e\+300 \(beyond float32's range\)/);
  });

  it('refuses a zip entry that claims 2 GB before allocating it', () => {
    const zip = zipSync({ 'W0.npy': new Uint8Array(100) }, { level: 6 });
    // Patch the central directory's uncompressed size (offset 24 in the entry) to 2 GB.
    const view = new DataView(zip.buffer);
    let cd = zip.length - 22;
    cd = view.getUint32(cd + 16, true);
    view.setUint32(cd + 24, 2 ** 31, true);
    expect(() => networkFromNpz(zip)).toThrow(
      /entry W0\.npy claims 2147483648 bytes, taking the archive past the 268435456-byte limit/,
    );
  });

  it('explains files that are not an archive of arrays', () => {
    expect(() => importModelFile(new Uint8Array([1, 2, 3, 4, 5]), 'x.bin')).toThrow(
      /not a model file: .* this file starts with 01 02 03 04/,
    );
    expect(() => importModelFile(new Uint8Array(0), 'x.bin')).toThrow(/starts with nothing \(it is empty\)/);
    expect(() => importModelFile(zipSync({}), 'e.npz')).toThrow(/the \.npz archive is empty/);
    const npy = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    expect(() => importModelFile(npy, 'W0.npy')).toThrow(/this is a single \.npy array/);
  });
});
