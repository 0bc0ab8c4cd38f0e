// The shipped convolutional network is the float16 conversion of its float32 training on distorted digits, file
// for file, reads at least 99.3% of the 10,000 test digits, and predicts every one of them as that float32
// network does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluateModel } from '../../src/nn/evaluate-model';
import { roundToFloat16 } from '../../src/nn/float16';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import type { LayerNetworkParams } from '../../src/nn/layer-network';
import { parseLayerList } from '../../src/nn/layer-list';
import { deserializeModel, readModelHeader, serializeModel } from '../../src/nn/model-file';
import { shippedModel } from '../../src/state/shipped-models';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';

const SHIPPED = 'public/models/cnn.dlm';
/** What the command in src/state/shipped-models.ts writes without --float16. */
const FLOAT32_ORIGINAL = 'tests/nn/fixtures/cnn-float32.dlm';
const LAYERS = 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100';

const read = (path: string) => new Uint8Array(readFileSync(path));
const bitsOf = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const x = bitsOf(a);
  const y = bitsOf(b);
  return x.every((bits, i) => bits === y[i]);
}

describe('the shipped convolutional network', () => {
  const shippedBytes = read(SHIPPED);
  const shipped = deserializeModel(shippedBytes);
  const original = deserializeModel(read(FLOAT32_ORIGINAL));
  const test = loadMnistFromDisk('test');

  it('is a float16 file under 300 KB of the CNN preset, made by the recorded command', () => {
    const header = readModelHeader(shippedBytes);
    expect(header.formatVersion).toBe(2);
    expect(header.architecture).toBe(LAYERS);
    expect(header.layers).toEqual(parseLayerList(LAYERS));
    expect(new Set(header.tensors.map((t) => t.dtype))).toEqual(new Set(['float16']));
    expect(shippedBytes.length).toBeLessThan(300 * 1024);
    expect(header.config).toEqual(original.config);
    expect(header.config?.layers).toBe(LAYERS);
    expect(header.metrics.testAccuracy).toBeGreaterThanOrEqual(0.993);
    expect(header.config?.augmentation).toEqual(DEFAULT_AUGMENTATION);
    const command = shippedModel('convolutional').command;
    expect(command).toContain(`--layers "${LAYERS}"`);
    expect(command).toContain('--float16 --out public/models/cnn.dlm');
    expect(command).toContain(`--seed ${header.config?.seed}`);
    expect(command).toContain(`--epochs ${header.config?.epochs}`);
    expect(command).toContain(`--decay ${header.config?.learningRateDecay}`);
    expect(command).toContain('--augment');
  });

  it('is byte for byte the float16 conversion of its float32 original (what npm run convert-model writes)', () => {
    const converted = serializeModel(original, { dtype: 'float16' });
    expect(converted.length).toBe(shippedBytes.length);
    expect(converted.every((byte, i) => byte === shippedBytes[i])).toBe(true);
    const W = (shipped.params as LayerNetworkParams).W;
    (original.params as LayerNetworkParams).W.forEach((w, l) => {
      expect(sameBits(W[l], roundToFloat16(w))).toBe(true);
    });
  });

  it('reads at least 99.3% of the 10,000 test digits, every one as the float32 network does', async () => {
    const wasm = await loadWasmKernelsNode();
    const float16 = evaluateModel(shipped.params, test, undefined, wasm);
    const float32 = evaluateModel(original.params, test, undefined, wasm);
    expect(float16.predictions).toHaveLength(10_000);
    expect(float16.accuracy).toBeGreaterThanOrEqual(0.993);
    expect(float16.accuracy).toBe(shipped.metrics.testAccuracy);
    const changed = float16.predictions.filter((p, i) => p !== float32.predictions[i]).length;
    expect(changed).toBe(0);
    expect(Math.abs(float16.loss - float32.loss)).toBeLessThan(1e-3);
  });
});
