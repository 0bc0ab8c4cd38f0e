// The per-epoch learning-rate decay: epoch e trains at α·decayᵉ, and no decay leaves training as it was.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';

const mnist = loadMnistFromDisk('train');
/** One batch per epoch, so every epoch's step sees the same samples. */
const digits: Dataset = {
  ...mnist,
  count: 64,
  images: mnist.images.subarray(0, 64 * 784),
  labels: mnist.labels.subarray(0, 64),
};
const sizes = [784, 16, 10];
const base: TrainingConfig = {
  ...REFERENCE_CONFIG,
  hiddenSizes: [16],
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 64,
};

/** The change each of the first two epochs made to W[1]. */
function updates(config: TrainingConfig): [Float32Array, Float32Array] {
  const trainer = new Trainer(createNetwork(sizes, 3), config, digits);
  const w = trainer.params.W[1];
  const start = w.slice();
  trainer.step();
  const afterFirst = w.slice();
  trainer.step();
  return [afterFirst.map((v, i) => v - start[i]), w.map((v, i) => v - afterFirst[i])];
}

describe('learning-rate decay', () => {
  it('scales the second epoch by the decay and leaves the first as without it', () => {
    const [constantFirst, constantSecond] = updates(base);
    const [decayedFirst, decayedSecond] = updates({ ...base, learningRateDecay: 0.5 });
    expect(Array.from(decayedFirst)).toEqual(Array.from(constantFirst));
    let checked = 0;
    for (let i = 0; i < constantSecond.length; i++) {
      if (Math.abs(constantSecond[i]) < 1e-5) continue;
      expect(decayedSecond[i] / constantSecond[i]).toBeCloseTo(0.5, 3);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('with decay 1 trains exactly as a config without the field', () => {
    const [first, second] = updates({ ...base, learningRateDecay: 1 });
    const [plainFirst, plainSecond] = updates(base);
    expect(Array.from(first)).toEqual(Array.from(plainFirst));
    expect(Array.from(second)).toEqual(Array.from(plainSecond));
  });

  it('refuses a decay outside (0, 1]', () => {
    for (const learningRateDecay of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => new Trainer(createNetwork(sizes, 3), { ...base, learningRateDecay }, digits)).toThrow(
        /decay/,
      );
    }
  });
});
