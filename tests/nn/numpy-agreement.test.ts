// The engine against the NumPy twin (bench/numpy_reference.py): same start, same batches, 50 float32 steps.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { cloneParams, createNetwork } from '../../src/nn/network';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset } from '../../src/nn/types';
import { expectTwinAgreement, flattenTensors, hasNumpy } from './numpy-twin';

const STEPS = 50;
if (!hasNumpy) {
  console.warn('SKIPPED numpy-agreement: python3 with numpy is not available on this machine');
}

describe.skipIf(!hasNumpy)('agreement with NumPy', () => {
  it('gives the same float32 losses (rel 1e-4) and weights (1e-3) after 50 reference steps on real digits', () => {
    const mnist = loadMnistFromDisk('train');
    const count = STEPS * REFERENCE_CONFIG.batchSize;
    const start = 10_000;
    const data: Dataset = {
      ...mnist,
      count,
      images: mnist.images.subarray(start * 784, (start + count) * 784),
      labels: mnist.labels.subarray(start, start + count),
    };
    const params = createNetwork([784, 200, 100, 25, 10], 7);
    const initial = cloneParams(params);
    const trainer = new Trainer(params, { ...REFERENCE_CONFIG, seed: 7 }, data);
    const losses: number[] = [];
    for (let i = 0; i < STEPS; i++) losses.push(trainer.step().loss);
    expect(trainer.batchInEpoch).toBe(0); // all 50 steps came from one epoch, so one order describes them

    expectTwinAgreement('numpy agreement', {
      manifest: {
        layerSizes: params.layerSizes,
        batchSize: REFERENCE_CONFIG.batchSize,
        learningRate: REFERENCE_CONFIG.learningRate,
        beta: REFERENCE_CONFIG.beta1,
        steps: STEPS,
        count,
      },
      images: data.images,
      labels: data.labels,
      order: Uint32Array.from(trainer.epochOrder),
      initial: flattenTensors(initial.W, initial.b),
      final: flattenTensors(params.W, params.b),
      losses,
    });
  });
});
