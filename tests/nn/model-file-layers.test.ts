// The .dlm file with a layer list (conv, pool, dense): round trips, dense files unchanged, and every mismatch refused.
import { describe, expect, it } from 'vitest';
import { roundToFloat16 } from '../../src/nn/float16';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork, fromNetworkParams, type LayerNetworkParams } from '../../src/nn/layer-network';
import { deserializeModel, readModelHeader, serializeModel, type ModelFile } from '../../src/nn/model-file';
import { ModelFormatError } from '../../src/nn/model-format-error';
import { isDenseParams } from '../../src/nn/model-params';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG } from '../../src/nn/types';

const LIST = 'conv 4@5x5, pool 2, conv 3@3x3 valid, pool 2, dense 16';

function cnn(): ModelFile {
  const params = createLayerNetwork(parseLayerList(LIST), 5);
  params.b[0][1] = 0.125;
  return {
    name: 'Small CNN',
    createdAt: '2026-12-05T10:00:00.000Z',
    params,
    config: { ...REFERENCE_CONFIG, optimizer: 'adam', learningRate: 0.002, hiddenSizes: [], layers: LIST },
    metrics: { testAccuracy: 0.5 },
  };
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<string, unknown>;
}

function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = headerOf(bytes);
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(8 + padded + bytes.length - 8 - length).fill(0x20, 8, 8 + padded);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(4, padded, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + length), 8 + padded);
  return out;
}

function refusal(bytes: Uint8Array): string {
  try {
    deserializeModel(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFormatError);
    return (error as Error).message;
  }
  throw new Error('the file was read');
}

describe('model file with a layer list', () => {
  it('stores the list in architecture, conv W as (F, C_in·K·K), no layerSizes, and reads every bit back', () => {
    const original = cnn();
    const bytes = serializeModel(original);
    const header = headerOf(bytes);
    expect(header.layerSizes).toBeUndefined();
    expect(header.architecture).toBe(LIST);
    expect((header.tensors as { name: string; shape: number[] }[]).map((t) => [t.name, ...t.shape])).toEqual([
      ['W0', 4, 25],
      ['b0', 4, 1],
      ['W1', 3, 36],
      ['b1', 3, 1],
      ['W2', 16, 108],
      ['b2', 16, 1],
      ['W3', 10, 16],
      ['b3', 10, 1],
    ]);
    const back = deserializeModel(bytes);
    expect(isDenseParams(back.params)).toBe(false);
    const params = back.params as LayerNetworkParams;
    expect(params.layers).toEqual(parseLayerList(LIST));
    const source = original.params as LayerNetworkParams;
    params.W.forEach((w, i) => expect(w).toEqual(source.W[i]));
    params.b.forEach((v, i) => expect(v).toEqual(source.b[i]));
    expect(back.config).toEqual(original.config);
    expect(readModelHeader(bytes)).toMatchObject({ layerSizes: null, architecture: LIST });
  });

  it('rounds a layer list to float16 as it rounds a dense network', () => {
    const original = cnn();
    const back = deserializeModel(serializeModel(original, { dtype: 'float16' }));
    const source = original.params as LayerNetworkParams;
    back.params.W.forEach((w, i) => expect(w).toEqual(roundToFloat16(source.W[i])));
  });

  it('writes a dense-only list exactly as the dense network it is, and reads it back as one', () => {
    const dense = createNetwork([784, 12, 10], 3);
    const model = { ...cnn(), params: dense, config: { ...REFERENCE_CONFIG, hiddenSizes: [12] } };
    const asList = { ...model, params: fromNetworkParams(dense) };
    expect(serializeModel(asList)).toEqual(serializeModel(model));
    const back = deserializeModel(serializeModel(asList));
    expect(isDenseParams(back.params)).toBe(true);
    expect(headerOf(serializeModel(model)).layerSizes).toEqual([784, 12, 10]);
  });

  it('gives a config written without its layer list the file’s list', () => {
    const model = cnn();
    const bytes = withHeader(serializeModel(model), (h) => {
      delete (h.config as Record<string, unknown>).layers;
    });
    expect(deserializeModel(bytes).config?.layers).toBe(LIST);
  });

  it('refuses tensors that do not chain with the list, naming the tensor and the shape it needs', () => {
    const bytes = serializeModel(cnn());
    const wrongShape = withHeader(bytes, (h) => {
      (h.tensors as { shape: number[] }[])[2].shape = [3, 37];
    });
    expect(refusal(wrongShape)).toMatch(/tensor 2 should be W1 of shape \[3, 36\]/);
    const otherList = withHeader(bytes, (h) => {
      h.architecture = 'conv 5@5x5, pool 2, conv 3@3x3 valid, pool 2, dense 16';
    });
    expect(refusal(otherList)).toMatch(/should be W0 of shape \[5, 25\]/);
    const fewer = withHeader(bytes, (h) => {
      h.architecture = 'conv 4@5x5, pool 2, dense 16';
    });
    expect(refusal(fewer)).toMatch(/has 6 tensors, the header lists 8/);
  });

  it('refuses an unknown layer and a list that cannot work, with the layer list’s own reason', () => {
    const bytes = serializeModel(cnn());
    const unknown = withHeader(bytes, (h) => {
      h.architecture = 'conv 4@5x5, lstm 8';
    });
    expect(refusal(unknown)).toMatch(/"lstm 8" is not a layer/);
    const order = withHeader(bytes, (h) => {
      h.architecture = 'dense 16, conv 4@5x5';
    });
    expect(refusal(order)).toMatch(/conv 4@5x5 comes after dense 16/);
    const notText = withHeader(bytes, (h) => {
      h.architecture = 42;
    });
    expect(refusal(notText)).toMatch(/architecture must be a string/);
  });

  it('refuses a config whose layer list is another network', () => {
    const bytes = withHeader(serializeModel(cnn()), (h) => {
      (h.config as Record<string, unknown>).layers = 'conv 8@5x5, dense 16';
    });
    expect(refusal(bytes)).toMatch(
      /config.layers should be "conv 4@5x5, pool 2, conv 3@3x3 valid, pool 2, dense 16"/,
    );
  });

  it('refuses to save weights that do not fit the list', () => {
    const model = cnn();
    const params = model.params as LayerNetworkParams;
    params.W[1] = new Float32Array(5);
    expect(() => serializeModel(model)).toThrow(/tensor W1 should hold 108 numbers/);
  });
});
