// Fuzzing the importer: random, truncated and mutated bytes (.dlm float32 and float16 with a history, .npz), odd
// arrays and huge size claims all give ModelFormatError.
import { zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportModelFile } from '../../src/io/model-export';
import { importModelFile } from '../../src/io/model-import';
import { encodeNpz } from '../../src/io/npz';
import type { NpyArray, NpyDtype } from '../../src/io/npy';
import { serializeModel, type ModelFile } from '../../src/nn/model-file';
import { ModelFormatError } from '../../src/nn/model-format-error';
import { createNetwork } from '../../src/nn/network';
import { dense } from './fixtures';

const model: ModelFile = {
  name: 'fuzz',
  createdAt: '2026-11-25T00:00:00.000Z',
  params: createNetwork([784, 3, 10], 1),
  config: null,
  metrics: {},
  history: {
    train: [{ samplesSeen: 60_000, loss: 0.3, accuracy: 0.9 }],
    test: [{ samplesSeen: 60_000, loss: 0.2, accuracy: 0.95, sampleCount: 10_000 }],
    epochSeconds: [4.5],
  },
};
const valid = {
  dlm: exportModelFile(model, 'dlm').bytes,
  dlm16: serializeModel(model, { dtype: 'float16' }),
  npz: exportModelFile(model, 'npz').bytes,
};
type ValidFormat = keyof typeof valid;
const formats = Object.keys(valid) as ValidFormat[];

/** Import must either give a usable network or throw ModelFormatError — nothing else. */
function importOrTypedError(bytes: Uint8Array): void {
  try {
    const imported = importModelFile(bytes, 'fuzzed.bin');
    const sizes = dense(imported.params).layerSizes;
    expect(sizes[0]).toBe(784);
    expect(sizes.at(-1)).toBe(10);
    imported.params.W.forEach((w, l) => {
      expect(w.length).toBe(sizes[l] * sizes[l + 1]);
      expect(w.every(Number.isFinite)).toBe(true);
    });
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
}

const prefixes = [
  [],
  [0x44, 0x4c, 0x4d, 0x00],
  [0x50, 0x4b, 0x03, 0x04],
  [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59],
];

describe('importModelFile under fuzzing', () => {
  it('random bytes, with and without a known magic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2000 }), (prefix, tail) => {
        const bytes = Uint8Array.from([...prefix, ...tail]);
        expect(() => importModelFile(bytes, 'random.bin')).toThrow(ModelFormatError);
      }),
      { numRuns: 400 },
    );
  });

  it('every truncation of a valid file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (format, fraction) => {
          const bytes = valid[format];
          const cut = Math.floor(fraction * (bytes.length - 1));
          expect(() => importModelFile(bytes.subarray(0, cut), 'cut')).toThrow(ModelFormatError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('valid files with bytes overwritten anywhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (format, edits) => {
          const bytes = valid[format].slice();
          // Half the edits land in the first 300 bytes, where the headers are.
          for (const [where, value] of edits) {
            const span = where < 0.5 ? Math.min(300, bytes.length) : bytes.length;
            bytes[Math.floor(where * span)] = value;
          }
          importOrTypedError(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  const dtypes: NpyDtype[] = ['<f4', '<f8', '<i4', '<i8'];
  const arrayOf = (dtype: NpyDtype, shape: number[], fill: number): NpyArray => {
    const count = shape.reduce((a, b) => a * b, 1);
    const integer = Number.isFinite(fill) && fill < 1 ? 10 : 784;
    const data =
      dtype === '<f4'
        ? new Float32Array(count).fill(fill)
        : dtype === '<f8'
          ? new Float64Array(count).fill(fill)
          : dtype === '<i4'
            ? new Int32Array(count).fill(integer)
            : new BigInt64Array(count).fill(BigInt(integer));
    return { dtype, shape, data };
  };

  it('archives of arrays with wrong dtypes, wrong shapes and NaN weights', () => {
    const dim = fc.constantFrom<number>(0, 1, 3, 5, 10, 784);
    const arrayArb = fc
      .tuple(
        fc.constantFrom(...dtypes),
        fc.array(dim, { maxLength: 3 }).filter((shape) => shape.reduce<number>((a, b) => a * b, 1) <= 10_000),
        fc.constantFrom(0.5, NaN, Infinity, 1e39),
      )
      .map(([dtype, shape, fill]) => arrayOf(dtype, shape, fill));
    const nameArb = fc.constantFrom('W0', 'b0', 'W1', 'b1', 'W2', 'layer_sizes', 'extra');
    fc.assert(
      fc.property(fc.dictionary(nameArb, arrayArb, { maxKeys: 6 }), (arrays) => {
        importOrTypedError(encodeNpz(arrays));
      }),
      { numRuns: 200 },
    );
  });

  it('a NaN anywhere in a valid network is refused', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...formats), (index, format) => {
        const params = createNetwork([784, 3, 10], 1);
        const tensors = [...params.W, ...params.b];
        const tensor = tensors[index % tensors.length];
        tensor[index % tensor.length] = NaN;
        const bytes =
          format === 'dlm16'
            ? serializeModel({ ...model, params }, { dtype: 'float16' })
            : exportModelFile({ ...model, params }, format).bytes;
        expect(() => importModelFile(bytes, 'nan')).toThrow(/NaN/);
      }),
      { numRuns: 50 },
    );
  });

  it('2 GB claims in every header are refused before allocation', () => {
    const dlm = valid.dlm.slice();
    new DataView(dlm.buffer).setUint32(4, 2 ** 31, true);
    expect(() => importModelFile(dlm, 'big.dlm')).toThrow(ModelFormatError);

    // A version 2 .npy inside the zip whose header length says 2 GB.
    const npy = new Uint8Array(64);
    npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
    new DataView(npy.buffer).setUint32(8, 2 ** 31 - 1, true);
    const archive = zipSync({ 'W0.npy': npy }, { level: 0 });
    expect(() => importModelFile(archive, 'big.npz')).toThrow(
      /array W0\.npy: the header claims 2147483647 bytes/,
    );

    expect(() => importModelFile(new Uint8Array(128 * 1024 * 1024 + 1), 'huge.npz')).toThrow(
      /huge\.npz is 134217729 bytes; model files larger than 134217728 bytes \(128 MB\) are refused/,
    );
  });
});
