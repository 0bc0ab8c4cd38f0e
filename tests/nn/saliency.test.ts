// Saliency and the single-digit backward pass checked against finite differences and the batched engine.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { explainDigit } from '../../src/nn/explain';
import { inputTimesGradient, probabilityGradient } from '../../src/nn/saliency';
import { createBatchWorkspace } from '../../src/nn/batch-workspace';
import { forwardBatch, prepareFirstLayer } from '../../src/nn/forward';
import { backwardBatch } from '../../src/nn/backward';
import { typescriptKernels } from '../../src/nn/kernels';
import { fillSparseRowsFromDense } from '../../src/nn/sparse-rows';
import { digitInput, referenceForward } from './saliency-reference';

const test = loadMnistFromDisk('test');
const params = createNetwork([784, 64, 32, 10], 7);

function finiteDifference(input: Float32Array, pixel: number, targetClass: number): number {
  const h = 1e-4;
  const plus = Array.from(input);
  const minus = Array.from(input);
  plus[pixel] += h;
  minus[pixel] -= h;
  const up = referenceForward(params, plus).probabilities[targetClass];
  const down = referenceForward(params, minus).probabilities[targetClass];
  return (up - down) / (2 * h);
}

describe('probabilityGradient (saliency)', () => {
  it('matches a finite-difference estimate of ∂p/∂pixel for inked and blank pixels of real digits', () => {
    for (const index of [0, 1, 2]) {
      const input = digitInput(test.images, index);
      const probabilities = referenceForward(params, input).probabilities;
      const target = probabilities.indexOf(Math.max(...probabilities));
      const gradient = probabilityGradient(params, input, target);
      const scale = Math.max(...gradient.map(Math.abs));
      expect(scale).toBeGreaterThan(1e-4);
      const inked = [...input.keys()].filter((i) => input[i] > 0.5).slice(0, 6);
      const blank = [0, 100, 405, 783].filter((i) => input[i] === 0);
      for (const pixel of [...inked, ...blank]) {
        const estimate = finiteDifference(input, pixel, target);
        expect(Math.abs(gradient[pixel] - estimate)).toBeLessThan(2e-3 * scale + 1e-6);
      }
    }
  });

  it('sums to zero over the ten classes, since the probabilities always sum to one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: test.count - 1 }), (index) => {
        const input = digitInput(test.images, index);
        const total = new Float64Array(784);
        for (let c = 0; c < 10; c++) {
          const g = probabilityGradient(params, input, c);
          for (let i = 0; i < 784; i++) total[i] += g[i];
        }
        const largest = Math.max(...probabilityGradient(params, input, 0).map(Math.abs));
        for (let i = 0; i < 784; i++) expect(Math.abs(total[i])).toBeLessThan(1e-5 + 1e-4 * largest);
      }),
      { numRuns: 8 },
    );
  });

  it('input × gradient is zero where there is no ink', () => {
    const input = digitInput(test.images, 3);
    const product = inputTimesGradient(input, probabilityGradient(params, input, 4));
    for (let i = 0; i < 784; i++) if (input[i] === 0) expect(Math.abs(product[i])).toBe(0);
  });

  it('rejects a target class outside 0..9 with a readable message', () => {
    expect(() => probabilityGradient(params, digitInput(test.images, 0), 10)).toThrow(/0 to 9/);
  });
});

describe('explainDigit', () => {
  it('gives the loss, softmax − onehot, and gradient norms equal to the batched engine on a batch of one', () => {
    const input = digitInput(test.images, 5);
    const label = test.labels[5];
    const explanation = explainDigit(params, input, { trueLabel: label });
    const reference = referenceForward(params, input);
    expect(explanation.loss).toBeCloseTo(-Math.log(reference.probabilities[label]), 5);
    for (let k = 0; k < 10; k++) {
      expect(explanation.dLogits[k]).toBeCloseTo(reference.probabilities[k] - (k === label ? 1 : 0), 5);
    }
    const ws = createBatchWorkspace(params.layerSizes, 1);
    prepareFirstLayer(params, ws);
    fillSparseRowsFromDense(ws.input, input, 1, 784);
    forwardBatch(params, ws, typescriptKernels, 1);
    backwardBatch(params, ws, typescriptKernels, Uint8Array.of(label), null, 0, 1);
    for (let l = 0; l < ws.dW.length; l++) {
      const frobenius = Math.hypot(...ws.dW[l]);
      expect(explanation.weightGradientNorms[l]).toBeCloseTo(frobenius, 4);
      expect(explanation.biasGradientNorms[l]).toBeCloseTo(Math.hypot(...ws.db[l]), 4);
    }
  });

  it('explains the predicted class by default and returns the forward pass of the reference', () => {
    const input = digitInput(test.images, 9);
    const explanation = explainDigit(params, input);
    const reference = referenceForward(params, input);
    const predicted = reference.probabilities.indexOf(Math.max(...reference.probabilities));
    expect(explanation.predictedClass).toBe(predicted);
    expect(explanation.targetClass).toBe(predicted);
    expect(explanation.trueLabel).toBe(predicted);
    explanation.activations.forEach((layer, l) =>
      layer.forEach((value, j) => expect(value).toBeCloseTo(reference.activations[l][j], 4)),
    );
  });
});
