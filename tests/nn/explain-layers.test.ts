// A CNN's saliency and loss gradients for one digit, checked against finite differences of a plain float64 CNN.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { explainDigit } from '../../src/nn/explain';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { predictLayersOne } from '../../src/nn/predict-layers';
import { INPUT_SHAPE } from '../../src/nn/layer-shapes';
import { referenceLogits } from './reference-cnn';
import { digitInput } from './saliency-reference';

const test = loadMnistFromDisk('test');
const layers = parseLayerList('conv 4@5x5, pool 2, conv 6@3x3, pool 2, dense 16');
const params = createLayerNetwork(layers, 11);
// Non-zero biases: with He's zero biases a blank patch sits exactly on ReLU's kink, where a finite difference
// measures a one-sided slope the gradient does not have.
params.b.forEach((b, l) => b.forEach((_, j) => (b[j] = 0.05 * Math.sin(1 + 7 * l + 3 * j))));
const W64 = params.W.map((w) => Float64Array.from(w));
const b64 = params.b.map((v) => Float64Array.from(v));

function referenceProbabilities(input: ArrayLike<number>): Float64Array {
  const logits = referenceLogits(layers, W64, b64, { data: Float64Array.from(input), shape: INPUT_SHAPE });
  const max = Math.max(...logits);
  const exps = logits.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, v) => a + v, 0);
  return exps.map((e) => e / total);
}

function finiteDifference(input: Float32Array, pixel: number, targetClass: number): number {
  const h = 1e-4;
  const plus = Float64Array.from(input);
  const minus = Float64Array.from(input);
  plus[pixel] += h;
  minus[pixel] -= h;
  return (referenceProbabilities(plus)[targetClass] - referenceProbabilities(minus)[targetClass]) / (2 * h);
}

/**
 * A blank patch gives the same value at every position, so a pool window over blank paper holds a tie, where
 * the maximum has no derivative (a finite difference sees whichever position a nudge lifts). Faint noise breaks
 * the ties, as any drawn digit's anti-aliasing does.
 */
function noisy(input: Float32Array): Float32Array {
  return input.map((v, i) => v + 0.02 * Math.sin(12.9898 * i));
}

describe('explainDigit on a network with conv and pool layers', () => {
  it('gives a saliency map that matches finite differences through convolution and max-pooling', () => {
    for (const index of [0, 1, 2]) {
      const input = noisy(digitInput(test.images, index));
      const probabilities = referenceProbabilities(input);
      const target = probabilities.indexOf(Math.max(...probabilities));
      const { saliency } = explainDigit(params, input, { targetClass: target });
      const scale = Math.max(...saliency.map(Math.abs));
      expect(scale).toBeGreaterThan(1e-5);
      // The pixels with the largest gradients, and inked ones: where a wrong pass would show.
      const strongest = [...saliency.keys()]
        .sort((a, c) => Math.abs(saliency[c]) - Math.abs(saliency[a]))
        .slice(0, 6);
      const inked = [...input.keys()].filter((i) => input[i] > 0.5).slice(0, 6);
      for (const pixel of [...strongest, ...inked]) {
        const estimate = finiteDifference(input, pixel, target);
        expect(Math.abs(saliency[pixel] - estimate)).toBeLessThan(5e-3 * scale + 1e-6);
      }
    }
  });

  it('explains another class when asked, and its saliency differs from the predicted class', () => {
    const input = noisy(digitInput(test.images, 4));
    const predicted = explainDigit(params, input);
    const other = (predicted.predictedClass + 3) % 10;
    const explained = explainDigit(params, input, { targetClass: other });
    expect(explained.targetClass).toBe(other);
    const pixel = [...explained.saliency.keys()].sort(
      (a, c) => Math.abs(explained.saliency[c]) - Math.abs(explained.saliency[a]),
    )[0];
    expect(Math.abs(explained.saliency[pixel] - finiteDifference(input, pixel, other))).toBeLessThan(
      5e-3 * Math.abs(explained.saliency[pixel]) + 1e-6,
    );
    expect(explained.saliency).not.toEqual(predicted.saliency);
  });

  it("gives every hidden layer's maps and shapes, the forward pass predictLayersOne gives", () => {
    const input = digitInput(test.images, 7);
    const e = explainDigit(params, input, { trueLabel: test.labels[7] });
    expect(e.layerShapes.map((s) => `${s.kind} ${s.channels}x${s.height}x${s.width}`)).toEqual([
      'conv 4x28x28',
      'pool 4x14x14',
      'conv 6x14x14',
      'pool 6x7x7',
      'dense 16x1x1',
    ]);
    const prediction = predictLayersOne(params, input);
    e.activations.forEach((a, l) => expect(Array.from(a)).toEqual(Array.from(prediction.activations[l])));
    e.layerShapes.forEach((s, l) =>
      expect(e.layerGradients[l]).toHaveLength(s.channels * s.height * s.width),
    );
    const p = referenceProbabilities(input);
    expect(e.loss).toBeCloseTo(-Math.log(p[test.labels[7]]), 4);
  });

  it("gives the loss's gradient norms of a finite-difference check on one filter weight", () => {
    const input = digitInput(test.images, 3);
    const label = test.labels[3];
    const e = explainDigit(params, input, { trueLabel: label });
    expect(e.weightGradientNorms).toHaveLength(params.W.length);
    // ∂L/∂W of the first conv layer by finite differences, its Frobenius norm against the engine's.
    const h = 1e-4;
    let squares = 0;
    for (let i = 0; i < W64[0].length; i++) {
      const saved = W64[0][i];
      W64[0][i] = saved + h;
      const up = -Math.log(referenceProbabilities(input)[label]);
      W64[0][i] = saved - h;
      const down = -Math.log(referenceProbabilities(input)[label]);
      W64[0][i] = saved;
      squares += ((up - down) / (2 * h)) ** 2;
    }
    expect(e.weightGradientNorms[0]).toBeCloseTo(Math.sqrt(squares), 3);
  });
});
