// The shipped default model is the float16 conversion of the reference network's training on distorted digits,
// and predicts exactly as that float32 network does on all 10,000 test digits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluateModel } from '../../src/nn/evaluate-model';
import { roundToFloat16 } from '../../src/nn/float16';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { deserializeModel, readModelHeader, serializeModel } from '../../src/nn/model-file';
import { shippedModel } from '../../src/state/shipped-models';

const SHIPPED = 'public/models/default.dlm';
/** What the command in src/state/shipped-models.ts writes without --float16. */
const FLOAT32_ORIGINAL = 'tests/nn/fixtures/reference-float32.dlm';

const bitsOf = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
/** Index of the first value whose bits differ, or -1 (toEqual on 157,000 values takes seconds). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  const x = bitsOf(a);
  const y = bitsOf(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}
const read = (path: string) => new Uint8Array(readFileSync(path));

describe('the shipped default model', () => {
  const shippedBytes = read(SHIPPED);
  const shipped = deserializeModel(shippedBytes);
  const original = deserializeModel(read(FLOAT32_ORIGINAL));
  const test = loadMnistFromDisk('test');
  let float32Result: ReturnType<typeof evaluateModel> | null = null;
  const float32 = () => (float32Result ??= evaluateModel(original.params, test));

  it('is a version 2 float16 file of the reference network trained on distorted digits, with its 30 epochs of curves', () => {
    const header = readModelHeader(shippedBytes);
    expect(header.formatVersion).toBe(2);
    expect(header.layerSizes).toEqual([784, 200, 100, 25, 10]);
    expect(header.architecture).toBe('dense 200, dense 100, dense 25');
    expect(new Set(header.tensors.map((t) => t.dtype))).toEqual(new Set(['float16']));
    expect(shippedBytes.length).toBeLessThan(read(FLOAT32_ORIGINAL).length * 0.51);
    expect(header.config).toEqual(original.config);
    expect(header.config?.augmentation).toEqual(DEFAULT_AUGMENTATION);
    expect(header.metrics.testAccuracy).toBeGreaterThanOrEqual(0.986);
    const command = shippedModel('reference').command;
    expect(command).toContain('--augment');
    expect(command).toContain(`--seed ${header.config?.seed}`);
    expect(command).toContain(`--epochs ${header.config?.epochs}`);
    expect(command).toContain(`--decay ${header.config?.learningRateDecay}`);
    const history = header.history!;
    expect(history.train).toHaveLength(30);
    expect(history.test).toHaveLength(30);
    expect(history.epochSeconds).toHaveLength(30);
    expect(history.test.at(-1)).toMatchObject({ accuracy: header.metrics.testAccuracy, sampleCount: 10_000 });
  });

  it('holds exactly the float32 reference weights rounded to float16', () => {
    for (let l = 0; l < 4; l++) {
      expect(firstDifference(shipped.params.W[l], roundToFloat16(original.params.W[l]))).toBe(-1);
      expect(firstDifference(shipped.params.b[l], roundToFloat16(original.params.b[l]))).toBe(-1);
    }
  });

  it('predicts every one of the 10,000 test digits as the float32 network does, at its recorded accuracy', () => {
    const reference = float32();
    const float16 = evaluateModel(shipped.params, test);
    expect(float16.predictions).toHaveLength(10_000);
    const changed = float16.predictions.filter((p, i) => p !== reference.predictions[i]).length;
    expect(changed).toBe(0);
    expect(Math.abs(float16.accuracy - reference.accuracy)).toBeLessThanOrEqual(0.0001); // 0.01 points
    expect(float16.accuracy).toBe(shipped.metrics.testAccuracy);
    expect(Math.abs(float16.loss - reference.loss)).toBeLessThan(1e-4);
  });

  it('converts float32 → float16 → float32 through the file format with the same predictions', () => {
    const halves = deserializeModel(serializeModel(original, { dtype: 'float16' }));
    const back = deserializeModel(serializeModel(halves));
    back.params.W.forEach((w, l) => expect(firstDifference(w, shipped.params.W[l])).toBe(-1));
    const predictions = evaluateModel(back.params, test).predictions;
    expect(predictions.every((p, i) => p === float32().predictions[i])).toBe(true);
  });
});
