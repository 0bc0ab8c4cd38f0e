// A small CNN against the NumPy twin's im2col layers: same start, same batches, 50 float32 steps on real digits.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { formatLayerList } from '../../src/nn/layer';
import { parseLayerList } from '../../src/nn/layer-list';
import { cloneLayerParams, createLayerNetwork } from '../../src/nn/layer-network';
import { LayerTrainer } from '../../src/nn/layer-trainer';
import { REFERENCE_CONFIG, type Dataset } from '../../src/nn/types';
import { expectTwinAgreement, flattenTensors, hasNumpy } from './numpy-twin';

const STEPS = 50;
const BATCH = 16;
// Same and valid padding, an even valid filter and a pool that floors (11x11 → 5x5): every path the twin has.
const LAYERS = 'conv 4@5x5, pool 2, conv 8@4x4 valid, pool 2, dense 32';
// The reference rate 0.5 is too high for this CNN at batch 16; the twin takes the rate from the manifest.
const CONFIG = { ...REFERENCE_CONFIG, learningRate: 0.1, batchSize: BATCH, seed: 7 };

describe.skipIf(!hasNumpy)('a CNN in agreement with NumPy', () => {
  it('gives the same float32 losses (rel 1e-4) and weights (1e-3) after 50 steps on 800 real digits', () => {
    const mnist = loadMnistFromDisk('train');
    const count = STEPS * BATCH;
    const start = 20_000;
    const data: Dataset = {
      ...mnist,
      count,
      images: mnist.images.subarray(start * 784, (start + count) * 784),
      labels: mnist.labels.subarray(start, start + count),
    };
    const params = createLayerNetwork(parseLayerList(LAYERS), 7);
    const initial = cloneLayerParams(params);
    const trainer = new LayerTrainer(params, CONFIG, data);
    const losses: number[] = [];
    for (let i = 0; i < STEPS; i++) losses.push(trainer.step().loss);
    expect(trainer.batchInEpoch).toBe(0); // one epoch, so one order describes every batch
    // It must learn, or the agreement would be about a network stuck at its start.
    const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
    expect(sum(losses.slice(-10))).toBeLessThan(0.75 * sum(losses.slice(0, 10)));

    expectTwinAgreement('numpy CNN agreement', {
      manifest: {
        layers: formatLayerList(params.layers),
        batchSize: BATCH,
        learningRate: CONFIG.learningRate,
        beta: CONFIG.beta1,
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
