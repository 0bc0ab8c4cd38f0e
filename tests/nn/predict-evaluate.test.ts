// predictOne (one digit) and evaluate (batched) must tell the same story on real test digits.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluate } from '../../src/nn/evaluate';
import { createNetwork } from '../../src/nn/network';
import { predictOne } from '../../src/nn/predict';
import { PIXEL_SCALE } from '../../src/nn/sparse-rows';
import { toFloat64, referenceLoss } from './reference-mlp';

const test = loadMnistFromDisk('test');
const params = createNetwork([784, 40, 20, 10], 2);
for (const b of params.b) b.forEach((_, i) => (b[i] = ((i % 5) - 2) * 0.05));

function digit(index: number): Float32Array {
  return Float32Array.from(test.images.subarray(index * 784, (index + 1) * 784), (byte) => PIXEL_SCALE[byte]);
}

describe('predictOne', () => {
  it('returns logits, probabilities summing to 1 and post-ReLU activations per hidden layer', () => {
    const p = predictOne(params, digit(0));
    expect(p.logits).toHaveLength(10);
    expect(p.probabilities.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(p.activations.map((a) => a.length)).toEqual([40, 20]);
    expect(p.activations.every((a) => a.every((x) => x >= 0))).toBe(true);
  });

  it('refuses an input of the wrong length', () => {
    expect(() => predictOne(params, new Float32Array(100))).toThrow(/takes 784 inputs, got 100/);
  });
});

describe('evaluate', () => {
  const count = 700; // more than one evaluation batch, not a multiple of it
  const result = evaluate(params, test, count);

  it('agrees with predictOne on every sample and with a float64 reference loss', () => {
    for (let i = 0; i < count; i += 7) {
      const p = predictOne(params, digit(i));
      const predicted = p.probabilities.indexOf(Math.max(...p.probabilities));
      expect(result.predictions[i]).toBe(predicted);
      expect(result.confidences[i]).toBeCloseTo(p.probabilities[predicted], 5);
    }
    const { W, b } = toFloat64(params);
    const x = Float64Array.from(test.images.subarray(0, count * 784), (v) => PIXEL_SCALE[v]);
    expect(result.loss).toBeCloseTo(referenceLoss(W, b, params.layerSizes, x, test.labels, count), 4);
  });

  it('fills a confusion matrix and per-class accuracies consistent with the accuracy', () => {
    const total = result.confusion.reduce((s, v) => s + v, 0);
    expect(total).toBe(count);
    let diagonal = 0;
    for (let c = 0; c < 10; c++) diagonal += result.confusion[c * 11];
    expect(result.accuracy).toBeCloseTo(diagonal / count, 10);
    const ones = result.confusion.subarray(10, 20).reduce((s, v) => s + v, 0);
    expect(result.perClassAccuracy[1]).toBeCloseTo(result.confusion[11] / ones, 10);
  });
});
