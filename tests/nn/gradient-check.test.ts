// Backpropagation against central finite differences of an independent float64 loss, for every W and b.
import { describe, expect, it } from 'vitest';
import { backwardBatch } from '../../src/nn/backward';
import { createBatchWorkspace } from '../../src/nn/batch-workspace';
import { forwardBatch, prepareFirstLayer } from '../../src/nn/forward';
import { typescriptKernels } from '../../src/nn/kernels';
import { createNetwork } from '../../src/nn/network';
import { SeededRandom } from '../../src/nn/random';
import { fillSparseRowsFromDense } from '../../src/nn/sparse-rows';
import { referenceLoss, toFloat64 } from './reference-mlp';

function checkGradients(layerSizes: number[], rows: number, seed: number) {
  const params = createNetwork(layerSizes, seed);
  const random = new SeededRandom(seed + 100);
  // Biases start at 0; give them values so that their gradients and the ReLU masks are exercised.
  for (const bias of params.b)
    for (let i = 0; i < bias.length; i++) bias[i] = (random.nextFloat() - 0.5) * 0.2;
  const inputs = new Float32Array(rows * layerSizes[0]);
  // About 60% zeros, like a digit, so the sparse first layer is exercised.
  for (let i = 0; i < inputs.length; i++) inputs[i] = random.nextFloat() < 0.6 ? 0 : random.nextFloat();
  const classes = layerSizes[layerSizes.length - 1];
  const labels = Uint8Array.from({ length: rows }, () => random.nextInt(classes));

  const ws = createBatchWorkspace(layerSizes, rows);
  fillSparseRowsFromDense(ws.input, inputs, rows, layerSizes[0]);
  prepareFirstLayer(params, ws);
  forwardBatch(params, ws, typescriptKernels, rows);
  backwardBatch(params, ws, typescriptKernels, labels, null, 0, rows);

  const reference = toFloat64(params);
  const x = Float64Array.from(inputs);
  const eps = 1e-5;
  let checked = 0;
  let worst = 0;
  for (const kind of ['W', 'b'] as const) {
    for (let l = 0; l < params.W.length; l++) {
      const tensor = reference[kind][l];
      const analytic = (kind === 'W' ? ws.dW : ws.db)[l];
      for (let i = 0; i < tensor.length; i++) {
        const saved = tensor[i];
        tensor[i] = saved + eps;
        const plus = referenceLoss(reference.W, reference.b, layerSizes, x, labels, rows);
        tensor[i] = saved - eps;
        const minus = referenceLoss(reference.W, reference.b, layerSizes, x, labels, rows);
        tensor[i] = saved;
        const numeric = (plus - minus) / (2 * eps);
        const error =
          Math.abs(numeric - analytic[i]) / Math.max(Math.abs(numeric), Math.abs(analytic[i]), 1e-4);
        worst = Math.max(worst, error);
        expect(
          error,
          `${kind}${l}[${i}]: backprop ${analytic[i]}, finite differences ${numeric}`,
        ).toBeLessThan(1e-3);
        checked++;
      }
    }
  }
  return { checked, worst };
}

describe('gradients', () => {
  it('match central finite differences for every weight and bias of a 3-hidden-layer network', () => {
    const { checked } = checkGradients([13, 9, 7, 5, 4], 6, 3);
    expect(checked).toBe(9 * 14 + 7 * 10 + 5 * 8 + 4 * 6);
  });

  it('match for a network without hidden layers and a single-sample batch', () => {
    checkGradients([11, 10], 1, 8);
  });
});
