// The .dlm model file: version 2 round trips (float32 bit for bit, float16 to the nearest half), version 1 still
// read, and a clear refusal of anything malformed (fuzzed with fast-check).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { roundToFloat16 } from '../../src/nn/float16';
import { deserializeModel, readModelHeader, serializeModel, type ModelFile } from '../../src/nn/model-file';
import { ModelFormatError } from '../../src/nn/model-format-error';
import type { ModelHistory } from '../../src/nn/model-history';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG, type NetworkParams } from '../../src/nn/types';

const history: ModelHistory = {
  train: [
    { samplesSeen: 128, loss: 2.3, accuracy: 0.1 },
    { samplesSeen: 60_000, loss: 0.3, accuracy: 0.91 },
  ],
  test: [{ samplesSeen: 60_000, loss: 0.13, accuracy: 0.9586, sampleCount: 10_000 }],
  epochSeconds: [8.9],
};

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
    history,
  };
}

function bitsOf(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<string, unknown>;
}

/** Rewrites the JSON header of a valid file. */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
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

describe('model file', () => {
  it('round-trips names, config, metrics, history and every weight bit as version 2 float32', () => {
    const original = model();
    const bytes = serializeModel(original);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x44, 0x4c, 0x4d, 0]);
    expect(headerOf(bytes)).toMatchObject({ formatVersion: 2, architecture: 'dense 20, dense 12' });
    const back = deserializeModel(bytes);
    expect(back.name).toBe(original.name);
    expect(back.createdAt).toBe(original.createdAt);
    expect(back.config).toEqual(original.config);
    expect(back.metrics).toEqual(original.metrics);
    expect(back.history).toEqual(history);
    expect((back.params as NetworkParams).layerSizes).toEqual([784, 20, 12, 10]);
    for (let l = 0; l < 3; l++) {
      expect(bitsOf(back.params.W[l])).toEqual(bitsOf(original.params.W[l]));
      expect(bitsOf(back.params.b[l])).toEqual(bitsOf(original.params.b[l]));
    }
    // Weights start 4-byte aligned, little-endian float32.
    const headerLength = new DataView(bytes.buffer).getUint32(4, true);
    expect(headerLength % 4).toBe(0);
    expect(new DataView(bytes.buffer).getFloat32(8 + headerLength, true)).toBe(original.params.W[0][0]);
  });

  it('round-trips float16: every weight comes back as its nearest half, in half the bytes', () => {
    const original = model();
    const float32 = serializeModel(original);
    const bytes = serializeModel(original, { dtype: 'float16' });
    const header = readModelHeader(bytes);
    expect(header.tensors.map((t) => t.dtype)).toEqual(new Array(6).fill('float16'));
    // Each tensor starts 4-byte aligned: b1 (12 halves, 24 bytes) and W2 follow without padding, b0 (20) too.
    for (const t of header.tensors) expect(t.byteOffset % 4).toBe(0);
    const weights = (b: Uint8Array) => b.length - readModelHeader(b).weightStart;
    expect(weights(bytes)).toBe(weights(float32) / 2);
    const back = deserializeModel(bytes);
    expect(back.history).toEqual(history);
    for (let l = 0; l < 3; l++) {
      expect(back.params.W[l]).toBeInstanceOf(Float32Array);
      expect(bitsOf(back.params.W[l])).toEqual(bitsOf(roundToFloat16(original.params.W[l])));
      expect(bitsOf(back.params.b[l])).toEqual(bitsOf(roundToFloat16(original.params.b[l])));
    }
    expect(Object.is(back.params.W[2][0], -0)).toBe(true);
    // Values already float16 survive a second float16 save unchanged, and a float32 save of them too.
    const again = deserializeModel(serializeModel(back, { dtype: 'float16' }));
    expect(bitsOf(again.params.W[0])).toEqual(bitsOf(back.params.W[0]));
  });

  it('pads a float16 tensor of odd length to 4 bytes so the next one stays aligned', () => {
    const odd = { ...model(), params: createNetwork([784, 5, 10], 3), config: null };
    const bytes = serializeModel(odd, { dtype: 'float16' });
    const header = readModelHeader(bytes);
    const [, b0, W1] = header.tensors;
    expect(W1.byteOffset - b0.byteOffset).toBe(12); // 5 halves = 10 bytes, padded to 12
    expect(bytes.length - header.weightStart).toBe(784 * 5 * 2 + 12 + 50 * 2 + 20);
    expect(deserializeModel(bytes).params.W[1]).toEqual(roundToFloat16(odd.params.W[1]));
  });

  it('writes the architecture "" for softmax regression and keeps no history when there is none', () => {
    const flat = { ...model(), params: createNetwork([784, 10], 1), config: null, history: null };
    const bytes = serializeModel(flat);
    expect(headerOf(bytes).architecture).toBe('');
    expect('history' in headerOf(bytes)).toBe(false);
    expect(deserializeModel(bytes).history).toBeNull();
    expect(readModelHeader(bytes).architecture).toBe('');
  });

  it('still reads a version 1 file (float32, no architecture or history)', () => {
    const bytes = new Uint8Array(readFileSync('tests/nn/fixtures/version-1.dlm'));
    expect(headerOf(bytes).formatVersion).toBe(1);
    const header = readModelHeader(bytes);
    expect(header).toMatchObject({ formatVersion: 1, architecture: 'dense 3', history: null });
    const v1 = deserializeModel(bytes);
    expect(v1.name).toBe('Version 1 fixture');
    expect(v1.metrics).toEqual({ testAccuracy: 0.5, testLoss: 1.5, epochs: 1 });
    expect(v1.config?.hiddenSizes).toEqual([3]);
    const expected = createNetwork([784, 3, 10], 7);
    for (let l = 0; l < 2; l++) {
      expect(bitsOf(v1.params.W[l])).toEqual(bitsOf(expected.W[l]));
      expect(bitsOf(v1.params.b[l])).toEqual(bitsOf(expected.b[l]));
    }
    // Version 1 knew only float32.
    const halves = withHeader(bytes, (h) => ((h.tensors as { dtype: string }[])[0].dtype = 'float16'));
    expect(() => deserializeModel(halves)).toThrow(
      /W0 has dtype "float16"; this file version stores float32/,
    );
  });

  it('refuses to save a weight float16 cannot hold, naming it', () => {
    const big = model();
    big.params.W[1][7] = 70_000;
    expect(() => serializeModel(big, { dtype: 'float16' })).toThrow(
      /cannot save as float16: W1\[7\] is 70000, beyond float16's largest value 65504/,
    );
    expect(deserializeModel(serializeModel(big)).params.W[1][7]).toBe(70_000);
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
    expect(header).toMatchObject({ ...rest, layerSizes: (params as NetworkParams).layerSizes });
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
      () => withHeader(bytes, (h) => (h.formatVersion = 3)),
      /this file is model format version 3; this Digit Lab reads versions 1 and 2: update the app/,
    ],
    ['version 0', () => withHeader(bytes, (h) => (h.formatVersion = 0)), /formatVersion must be one of 1, 2, found 0/], // prettier-ignore
    ['non-chaining shapes', () => withHeader(bytes, (h) => ((h.tensors as { shape: number[] }[])[2].shape = [12, 21])), /W1 of shape \[12, 20\] so the layers chain/], // prettier-ignore
    ['unknown dtype', () => withHeader(bytes, (h) => ((h.tensors as { dtype: string }[])[1].dtype = 'bfloat16')), /b0 has dtype "bfloat16"; this file version stores float32 or float16/], // prettier-ignore
    ['dtype that changes the length', () => withHeader(bytes, (h) => ((h.tensors as { dtype: string }[])[0].dtype = 'float16')), /stored as float16 and float32 needs \d+ bytes of weights, .* longer than its header says/], // prettier-ignore
    ['architecture mismatch', () => withHeader(bytes, (h) => (h.architecture = 'dense 20, dense 13')), /architecture "dense 20, dense 13" does not match layerSizes 784-20-12-10, which has the hidden layers "dense 20, dense 12"/], // prettier-ignore
    ['architecture of an unknown kind', () => withHeader(bytes, (h) => (h.architecture = 'conv 8@5x5, dense 12')), /lists the layer "conv 8@5x5"; this Digit Lab reads "dense N" layers/], // prettier-ignore
    ['architecture not a string', () => withHeader(bytes, (h) => (h.architecture = [20, 12])), /"architecture" must be a string/], // prettier-ignore
    ['history not an object', () => withHeader(bytes, (h) => (h.history = [1, 2])), /"history" must be an object or null/], // prettier-ignore
    ['history without epoch times', () => withHeader(bytes, (h) => delete (h.history as Record<string, unknown>).epochSeconds), /history.epochSeconds must be an array, found nothing/], // prettier-ignore
    ['a NaN loss (null in JSON)', () => withHeader(bytes, (h) => ((h.history as { train: { loss: unknown }[] }).train[1].loss = null)), /history.train\[1\].loss must be a finite number ≥ 0, found null/], // prettier-ignore
    ['an accuracy above 1', () => withHeader(bytes, (h) => ((h.history as { test: { accuracy: unknown }[] }).test[0].accuracy = 95.86)), /history.test\[0\].accuracy must be a number from 0 to 1, found 95.86/], // prettier-ignore
    ['a curve going backwards', () => withHeader(bytes, (h) => ((h.history as { train: { samplesSeen: unknown }[] }).train[1].samplesSeen = 5)), /history.train\[1\].samplesSeen is 5, before the previous point's 128/], // prettier-ignore
    ['a fractional sample count', () => withHeader(bytes, (h) => ((h.history as { test: { sampleCount: unknown }[] }).test[0].sampleCount = 0.5)), /history.test\[0\].sampleCount must be a positive integer/], // prettier-ignore
    ['a negative epoch time', () => withHeader(bytes, (h) => ((h.history as { epochSeconds: unknown[] }).epochSeconds = [1, -2])), /history.epochSeconds\[1\] must be a finite number of seconds ≥ 0, found -2/], // prettier-ignore
    ['too long a curve', () => withHeader(bytes, (h) => ((h.history as { train: unknown[] }).train = new Array(20_001).fill({ samplesSeen: 1, loss: 1, accuracy: 0.5 }))), /history.train has 20001 entries; at most 20000 are read/], // prettier-ignore
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
    ['augmentation without its elastic settings', () => withHeader(bytes, (h) => ((h.config as Record<string, unknown>).augmentation = { affine: DEFAULT_AUGMENTATION.affine, strokeWidth: DEFAULT_AUGMENTATION.strokeWidth })), /config.augmentation elastic is missing/], // prettier-ignore
    ['augmentation out of range', () => withHeader(bytes, (h) => ((h.config as Record<string, unknown>).augmentation = { ...DEFAULT_AUGMENTATION, strokeWidth: { probability: 0.3, strength: 4 } })), /config.augmentation strokeWidth strength must be between 0 and 1, got 4/], // prettier-ignore
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
    [
      'float16 infinity',
      () => {
        const b = serializeModel(model(), { dtype: 'float16' });
        new DataView(b.buffer).setUint16(readModelHeader(b).tensors[3].byteOffset + 2 * 4, 0xfc00, true);
        return b;
      },
      /tensor b1 holds -Infinity at index 4/,
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
    const halves = serializeModel(model(), { dtype: 'float16' });
    fc.assert(
      fc.property(
        fc.constantFrom(bytes, halves),
        fc.nat(bytes.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(bytes.length),
        (file, anywhere, value, cut) => {
          const at = anywhere % file.length;
          const corrupted = file.slice(0, Math.max(cut, at + 1));
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
