// The numbers "How it works" writes out for a CNN agree with the engine: a conv pixel, a pool window, a filter gradient.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import { layerDigitPass } from '../../../src/nn/explain-layers';
import { parseLayerList } from '../../../src/nn/layer-list';
import { createLayerNetwork } from '../../../src/nn/layer-network';
import { resolveLayers } from '../../../src/nn/layer-shapes';
import {
  convPixel,
  filterGradient,
  poolWindow,
  strongestPixel,
} from '../../../src/components/inspect/conv-numbers';
import { digitInput } from '../../nn/saliency-reference';

const test = loadMnistFromDisk('test');
const layers = parseLayerList('conv 4@5x5, pool 2, conv 6@3x3 valid, pool 2, dense 12');
const params = createLayerNetwork(layers, 3);
params.b.forEach((b, l) => b.forEach((_, j) => (b[j] = 0.03 * Math.cos(l + j))));
const plan = resolveLayers(layers).steps;
const input = digitInput(test.images, 11);
const pass = layerDigitPass(params, input);

describe('conv numbers', () => {
  it("writes out the strongest pixel of each conv layer as patch · kernel + bias, the engine's value", () => {
    for (const [layer, weightIndex, padding] of [
      [0, 0, 2],
      [2, 1, 0],
    ]) {
      const below = layer === 0 ? input : pass.activations[layer - 1];
      const step = plan[layer];
      const peak = strongestPixel(pass.activations[layer], step.output);
      expect(peak.value).toBeGreaterThan(0);
      const numbers = convPixel(
        below,
        step.input,
        params.W[weightIndex],
        params.b[weightIndex],
        peak.channel,
        peak.y,
        peak.x,
        step.layer.kind === 'conv' ? step.layer.size : 0,
        padding,
      );
      expect(numbers.patch).toHaveLength(step.input.channels);
      expect(numbers.value).toBeCloseTo(peak.value, 5);
    }
  });

  it("finds the pooling window's winner, the value the pool layer output", () => {
    const conv = plan[0].output;
    const pooled = pass.activations[1];
    for (const [c, i, j] of [
      [0, 5, 7],
      [3, 10, 2],
      [1, 13, 13],
    ]) {
      const window = poolWindow(pass.activations[0], conv, c, i, j, 2);
      expect(window.value).toBe(pooled[(c * 14 + i) * 14 + j]);
      expect(window.window[window.winner]).toBe(window.value);
    }
  });

  it("correlates the layer's input with its output gradient into the engine's filter gradient", () => {
    const dLogits = pass.probabilities.map((p, k) => p - (k === 3 ? 1 : 0));
    const { dZ, dW } = pass.backward(dLogits);
    for (const [layer, weightIndex, padding, size] of [
      [0, 0, 2, 5],
      [2, 1, 0, 3],
    ]) {
      const step = plan[layer];
      const below = layer === 0 ? input : pass.activations[layer - 1];
      const patch = step.input.channels * size * size;
      for (let f = 0; f < step.output.channels; f++) {
        for (let c = 0; c < step.input.channels; c++) {
          const g = filterGradient(below, step.input, dZ[layer], step.output, f, c, size, padding);
          const engine = dW[weightIndex].subarray(
            f * patch + c * size * size,
            f * patch + (c + 1) * size * size,
          );
          g.forEach((value, i) => expect(value).toBeCloseTo(engine[i], 5));
        }
      }
      expect(Math.max(...dW[weightIndex].map(Math.abs))).toBeGreaterThan(1e-6);
    }
  });
});
