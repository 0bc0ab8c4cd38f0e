// Export then import, both formats: bit-identical weights and identical predictions on the 10,000 MNIST test digits.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportModelFile } from '../../src/io/model-export';
import { detectModelFormat, importModelFile } from '../../src/io/model-import';
import { evaluate } from '../../src/nn/evaluate';
import type { ModelFile } from '../../src/nn/model-file';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { dense, testDigits, trainedNetwork } from './fixtures';

const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);

describe('model files round trip', () => {
  let model: ModelFile;
  beforeAll(() => {
    model = {
      name: 'Round trip: 784/64/32/10',
      createdAt: '2026-11-25T13:00:00.000Z',
      params: trainedNetwork(),
      config: { ...REFERENCE_CONFIG, hiddenSizes: [64, 32], batchSize: 64, learningRate: 0.1, seed: 7 },
      metrics: { testAccuracy: 0.9, epochs: 1 },
    };
    // -0 and a subnormal must survive too: compare bits, not values.
    model.params.b[0][0] = -0;
    model.params.W[1][0] = 1e-40;
  });

  it.each(['dlm', 'npz'] as const)('%s keeps every weight bit and every test prediction', (format) => {
    const file = exportModelFile(model, format);
    expect(file.fileName).toBe(`Round-trip-784-64-32-10.${format}`);
    expect(detectModelFormat(file.bytes)).toBe(format);
    const back = importModelFile(file.bytes, file.fileName);
    expect(dense(back.params).layerSizes).toEqual([784, 64, 32, 10]);
    for (let l = 0; l < 3; l++) {
      expect(bits(back.params.W[l])).toEqual(bits(model.params.W[l]));
      expect(bits(back.params.b[l])).toEqual(bits(model.params.b[l]));
    }
    const test = testDigits();
    const before = evaluate(dense(model.params), test);
    const after = evaluate(dense(back.params), test);
    expect(before.accuracy).toBeGreaterThan(0.85);
    expect(after.predictions).toEqual(before.predictions);
    expect(after.loss).toBe(before.loss);
    if (format === 'dlm') {
      expect(back.name).toBe(model.name);
      expect(back.config).toEqual(model.config);
      expect(back.metrics).toEqual(model.metrics);
    } else {
      expect(back.name).toBe('Round-trip-784-64-32-10');
      expect(back.config).toBeNull();
    }
  });
});
