// The .dlm model file: lossless round trip, and a clear refusal of anything malformed (fuzzed with fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeModel, readModelHeader, serializeModel, type ModelFile } from '../../src/nn/model-file';
import { ModelFormatError } from '../../src/nn/model-format-error';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG } from '../../src/nn/types';

function model(): ModelFile {
  const params = createNetwork([784, 20, 12, 10], 4);
  params.b[1][3] = -0.25;
  params.W[2][0] = -0; // the sign of zero must survive too
  return {
    name: 'Test net ✓',
    createdAt: '2026-11-25T13:00:00.000Z',
    params,
    config: { ...REFERENCE_CONFIG, hiddenSizes: [20, 12] },
    metrics: { testAccuracy: 0.97, testLoss: 0.1, epochs: 3, note: 'x' },
  };
}

function bitsOf(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

/** Rewrites the JSON header of a valid file. */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  edit(header);
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  json = Uint8Array.from([...json, ...new Array(padded - json.length).fill(0x20)]);
  const out = new Uint8Array(8 + padded + bytes.length - 8 - length);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(4, padded, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + length), 8 + padded);
  return out;
}

describe('model file', () => {
  it('round-trips names, config, metrics and every weight bit', () => {
    const original = model();
    const bytes = serializeModel(original);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x44, 0x4c, 0x4d, 0]);
    const back = deserializeModel(bytes);
    expect(back.name).toBe(original.name);
    expect(back.createdAt).toBe(original.createdAt);
    expect(back.config).toEqual(original.config);
    expect(back.metrics).toEqual(original.metrics);
    expect(back.params.layerSizes).toEqual([784, 20, 12, 10]);
    for (let l = 0; l < 3; l++) {
      expect(bitsOf(back.params.W[l])).toEqual(bitsOf(original.params.W[l]));
      expect(bitsOf(back.params.b[l])).toEqual(bitsOf(original.params.b[l]));
    }
    // Weights start 4-byte aligned, little-endian float32.
    const headerLength = new DataView(bytes.buffer).getUint32(4, true);
    expect(headerLength % 4).toBe(0);
    expect(new DataView(bytes.buffer).getFloat32(8 + headerLength, true)).toBe(original.params.W[0][0]);
  });

  it('reads a file that sits at an unaligned offset inside a bigger buffer', () => {
    const bytes = serializeModel(model());
    const holder = new Uint8Array(bytes.length + 3);
    holder.set(bytes, 3);
    expect(deserializeModel(holder.subarray(3)).params.W[0][5]).toBe(model().params.W[0][5]);
  });

  it('reads the header alone, with the same checks on everything but the weights themselves', () => {
    const original = model();
    const bytes = serializeModel(original);
    const header = readModelHeader(bytes);
    const { params, ...rest } = deserializeModel(bytes);
    expect(header).toMatchObject({ ...rest, layerSizes: params.layerSizes });
    expect(header.weightStart).toBe(
      bytes.length - 4 * params.W.concat(params.b).reduce((n, t) => n + t.length, 0),
    );
    expect(() => readModelHeader(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
  });

  it('keeps a null config', () => {
    expect(deserializeModel(serializeModel({ ...model(), config: null })).config).toBeNull();
  });

  const bytes = serializeModel(model());
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['empty', () => new Uint8Array(0), /shorter than the 8-byte preamble/],
    [
      'wrong magic',
      () => Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1]),
      /magic bytes .* found 50 4b 03 04/,
    ],
    [
      'truncated weights',
      () => bytes.subarray(0, bytes.length - 4),
      /needs \d+ bytes of weights, the file has \d+: it is truncated/,
    ],
    ['extra bytes', () => Uint8Array.from([...bytes, 0, 0, 0, 0]), /longer than its header says/],
    ['huge header claim', () => { const b = bytes.slice(); new DataView(b.buffer).setUint32(4, 0xfffffff0, true); return b; }, /header claims 4294967280 bytes/], // prettier-ignore
    [
      'newer version',
      () => withHeader(bytes, (h) => (h.formatVersion = 2)),
      /reads model format version 1, the file is version 2/,
    ],
    ['non-chaining shapes', () => withHeader(bytes, (h) => ((h.tensors as { shape: number[] }[])[2].shape = [12, 21])), /W1 float32 of shape \[12, 20\] so the layers chain/], // prettier-ignore
    [
      'wrong input size',
      () => withHeader(bytes, (h) => (h.layerSizes = [100, 20, 12, 10])),
      /784 inputs and gives 10 classes/,
    ],
    [
      'absurd layer size',
      () => withHeader(bytes, (h) => (h.layerSizes = [784, 1e9, 10])),
      /layer 1 has size 1000000000/,
    ],
    ['bad config', () => withHeader(bytes, (h) => ((h.config as Record<string, unknown>).optimizer = 'rmsprop')), /config.optimizer must be one of/], // prettier-ignore
    ['not JSON', () => { const b = bytes.slice(); b[8] = 0x7b; b[9] = 0x7b; return b; }, /not valid UTF-8 JSON/], // prettier-ignore
    [
      'NaN weight',
      () => {
        const b = bytes.slice();
        const length = new DataView(b.buffer).getUint32(4, true);
        new DataView(b.buffer).setFloat32(8 + length + 4 * 10, NaN, true);
        return b;
      },
      /tensor W0 holds NaN at index 10/,
    ],
  ];
  it.each(cases)('refuses a file with %s, saying what is wrong', (_, make, message) => {
    expect(() => deserializeModel(make())).toThrow(ModelFormatError);
    expect(() => deserializeModel(make())).toThrow(message);
  });

  it('never crashes on random bytes, random corruption or truncation: a model or a ModelFormatError', () => {
    const check = (input: Uint8Array) => {
      try {
        deserializeModel(input);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelFormatError);
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => check(random)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.nat(bytes.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(bytes.length),
        (at, value, cut) => {
          const corrupted = bytes.slice(0, Math.max(cut, at + 1));
          corrupted[at] = value;
          check(corrupted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses to save params that do not match their layer sizes', () => {
    const broken = model();
    broken.params.W[1] = new Float32Array(5);
    expect(() => serializeModel(broken)).toThrow(/tensor W1 should hold 240 numbers .* found 5/);
  });
});
