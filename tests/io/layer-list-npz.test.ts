// .npz of a layer-list network: conv W{i} (F, C_in, K, K), b{i} (F,), the architecture string, and every refusal.
import { describe, expect, it } from 'vitest';
import { importModelFile } from '../../src/io/model-import';
import { networkFromNpz, networkToNpz } from '../../src/io/network-npz';
import { decodeNpy, encodeNpy, unicodeScalar, unicodeText, type NpyArray } from '../../src/io/npy';
import { decodeNpz, encodeNpz } from '../../src/io/npz';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork, type LayerNetworkParams } from '../../src/nn/layer-network';
import { ModelFormatError } from '../../src/nn/model-format-error';
import { isDenseParams } from '../../src/nn/model-params';

const LIST = 'conv 4@5x5, pool 2, conv 6@3x3 valid, pool 2, dense 24';

function cnn(): LayerNetworkParams {
  return createLayerNetwork(parseLayerList(LIST), 3);
}

function arraysOf(params: LayerNetworkParams): Record<string, NpyArray> {
  return Object.fromEntries(decodeNpz(networkToNpz(params)));
}

function refusal(arrays: Record<string, NpyArray>): string {
  try {
    networkFromNpz(encodeNpz(arrays));
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFormatError);
    return (error as Error).message;
  }
  throw new Error('the archive was read');
}

describe('.npz of a layer list', () => {
  it('writes conv kernels as (F, C_in, K, K), conv biases as (F,), dense as (units, inputs), and the list', () => {
    const arrays = arraysOf(cnn());
    const shapes = Object.fromEntries(Object.entries(arrays).map(([name, a]) => [name, a.shape]));
    expect(shapes).toEqual({
      W0: [4, 1, 5, 5],
      b0: [4],
      W1: [6, 4, 3, 3],
      b1: [6],
      W2: [24, 216],
      b2: [24, 1],
      W3: [10, 24],
      b3: [10, 1],
      architecture: [],
    });
    expect(arrays.architecture.dtype).toBe(`<U${LIST.length}`);
    expect(unicodeText(arrays.architecture)).toBe(LIST);
    expect(arrays.layer_sizes).toBeUndefined();
  });

  it('reads its own export back bit for bit, through the importer as well', () => {
    const params = cnn();
    const back = networkFromNpz(networkToNpz(params));
    expect(isDenseParams(back)).toBe(false);
    expect((back as LayerNetworkParams).layers).toEqual(params.layers);
    back.W.forEach((w, i) => expect(w).toEqual(params.W[i]));
    back.b.forEach((v, i) => expect(v).toEqual(params.b[i]));
    const model = importModelFile(networkToNpz(params), 'cnn.npz');
    expect(model.name).toBe('cnn');
    expect(model.params.W[1]).toEqual(params.W[1]);
  });

  it('reads a dense-only architecture as the dense network it is', () => {
    const params = createLayerNetwork(parseLayerList('dense 12'), 2);
    const arrays: Record<string, NpyArray> = {
      W0: { dtype: '<f4', shape: [12, 784], data: params.W[0] },
      b0: { dtype: '<f4', shape: [12], data: params.b[0] },
      W1: { dtype: '<f4', shape: [10, 12], data: params.W[1] },
      b1: { dtype: '<f4', shape: [10, 1], data: params.b[1] },
      architecture: unicodeScalar('dense 12'),
    };
    const back = networkFromNpz(encodeNpz(arrays));
    expect(isDenseParams(back) && back.layerSizes).toEqual([784, 12, 10]);
  });

  it('refuses 4-D weights without an architecture', () => {
    const { architecture: _dropped, ...arrays } = arraysOf(cnn());
    expect(refusal(arrays)).toMatch(
      /W0 has shape \(4, 1, 5, 5\), a conv kernel, but the archive has no architecture/,
    );
  });

  it('refuses a kernel shape that disagrees with the list, naming the layer and the shape it needs', () => {
    const arrays = arraysOf(cnn());
    expect(refusal({ ...arrays, W1: { dtype: '<f4', shape: [6, 4, 9], data: arrays.W1.data } })).toMatch(
      /W1 has shape \(6, 4, 9\) but conv 6@3x3 valid on its 4x14x14 input needs \(6, 4, 3, 3\)/,
    );
    expect(refusal({ ...arrays, b0: { dtype: '<f4', shape: [5], data: new Float32Array(5) } })).toMatch(
      /b0 has shape \(5\) but conv 4@5x5 on its 1x28x28 input needs \(4,\)/,
    );
    expect(refusal({ ...arrays, architecture: unicodeScalar('conv 4@5x5, pool 2, dense 24') })).toMatch(
      /W1 has shape \(6, 4, 3, 3\) but dense 24 on its 4x14x14 input needs \(24, 784\)/,
    );
  });

  it('refuses an unknown layer and a list that does not chain, with the layer list’s reason', () => {
    const arrays = arraysOf(cnn());
    expect(refusal({ ...arrays, architecture: unicodeScalar('conv 4@5x5, lstm 8') })).toMatch(
      /the architecture "conv 4@5x5, lstm 8" cannot be read: "lstm 8" is not a layer/,
    );
    expect(refusal({ ...arrays, architecture: unicodeScalar('dense 24, conv 4@5x5') })).toMatch(
      /conv 4@5x5 comes after dense 24/,
    );
    expect(refusal({ ...arrays, architecture: unicodeScalar('pool 64') })).toMatch(
      /pool 64 leaves a 0x0 map/,
    );
  });

  it('refuses a missing or extra tensor and an architecture that is not one string', () => {
    const arrays = arraysOf(cnn());
    const { b2: _b2, ...missing } = arrays;
    expect(refusal(missing)).toMatch(/b2 \(for dense 24 on its 6x6x6 input\) is missing/);
    expect(refusal({ ...arrays, W4: arrays.W3, b4: arrays.b3 })).toMatch(
      /the archive has (W4|b4), but its architecture has only 4/,
    );
    expect(
      refusal({ ...arrays, architecture: { dtype: '<f4', shape: [1], data: new Float32Array(1) } }),
    ).toMatch(/architecture must be one string/);
    expect(
      refusal({ ...arrays, layer_sizes: { dtype: '<i4', shape: [3], data: Int32Array.of(784, 24, 10) } }),
    ).toMatch(/layer_sizes says \[784, 24, 10\] but the architecture is .*which has conv or pool layers/);
  });

  it('round-trips unicode strings through .npy, beyond ASCII and empty', () => {
    for (const text of ['conv 8@5x5, pool 2', 'conv 8@5×5 ✓', '']) {
      const back = decodeNpy(encodeNpy(unicodeScalar(text)), 'architecture');
      expect(unicodeText(back)).toBe(text);
      expect(back.shape).toEqual([]);
    }
  });
});
