// The training loop on real MNIST subsets and a tiny synthetic problem: determinism, batching, learning.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { SeededRandom } from '../../src/nn/random';
import { trainEpochs } from '../../src/nn/train-epochs';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { evaluate } from '../../src/nn/evaluate';

const mnist = loadMnistFromDisk('train');
function subset(start: number, count: number): Dataset {
  return {
    ...mnist,
    count,
    images: mnist.images.subarray(start * 784, (start + count) * 784),
    labels: mnist.labels.subarray(start, start + count),
  };
}
const small = subset(0, 1000);
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [32, 16], epochs: 1 };

function firstEpochLosses(seed: number): number[] {
  const c = { ...config, seed };
  const trainer = new Trainer(createNetwork([784, 32, 16, 10], seed), c, small);
  const losses: number[] = [];
  do losses.push(trainer.step().loss);
  while (trainer.batchInEpoch !== 0);
  return losses;
}

describe('Trainer', () => {
  it('gives the same first-epoch losses to the last bit for the same seed, and different ones for another', () => {
    const a = firstEpochLosses(1);
    const b = firstEpochLosses(1);
    const c = firstEpochLosses(2);
    expect(a).toEqual(b);
    expect(a[a.length - 1]).not.toBe(c[c.length - 1]);
  });

  it('covers every sample once per epoch, the last partial batch included, in a new order each epoch', () => {
    const trainer = new Trainer(createNetwork([784, 32, 16, 10], 1), config, small);
    expect(trainer.batchesPerEpoch).toBe(8); // 7 x 128 + 104
    const reports = [];
    do reports.push(trainer.step());
    while (trainer.batchInEpoch !== 0);
    const firstOrder = Array.from(trainer.epochOrder);
    expect([...firstOrder].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(reports.map((r) => r.batch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(reports[7].samplesSeen).toBe(1000);
    expect(trainer.epoch).toBe(1);
    expect(trainer.samplesSeen).toBe(1000);
    trainer.step();
    expect(trainer.epoch).toBe(1);
    expect(trainer.batchInEpoch).toBe(1);
    expect(Array.from(trainer.epochOrder)).not.toEqual(firstOrder);
  });

  it('lowers the loss on real digits and trains the params it was given in place', () => {
    const params = createNetwork([784, 32, 16, 10], 1);
    const before = params.W[0].slice();
    const trainer = new Trainer(params, { ...config, epochs: 3 }, small);
    const test = subset(50_000, 500);
    const untrained = evaluate(params, test);
    const reports = trainEpochs(trainer, test);
    expect(reports).toHaveLength(3);
    expect(trainer.params).toBe(params);
    expect(params.W[0]).not.toEqual(before);
    expect(reports[2].trainLoss).toBeLessThan(reports[0].trainLoss);
    expect(reports[2].testAccuracy).toBeGreaterThan(untrained.accuracy + 0.4);
    expect(reports[2].epoch).toBe(3);
  });

  it('stops between steps when asked', () => {
    const trainer = new Trainer(createNetwork([784, 32, 16, 10], 1), config, small);
    let steps = 0;
    const reports = trainEpochs(trainer, subset(50_000, 100), {
      onStep: () => steps++,
      shouldStop: () => steps >= 3,
    });
    expect(reports).toEqual([]);
    expect(trainer.samplesSeen).toBe(3 * 128);
  });

  it('learns a tiny synthetic problem to 100% training accuracy', () => {
    // Four 4x4 patterns (a bar in each quadrant) with noise; 64 samples.
    const random = new SeededRandom(9);
    const count = 64;
    const images = new Uint8Array(count * 16);
    const labels = new Uint8Array(count);
    for (let s = 0; s < count; s++) {
      const label = s % 4;
      labels[s] = label;
      for (let p = 0; p < 16; p++) {
        const row = p >> 2;
        const col = p & 3;
        const inQuadrant = (row >> 1) * 2 + (col >> 1) === label;
        images[s * 16 + p] = inQuadrant ? 200 + random.nextInt(56) : random.nextInt(60);
      }
    }
    const data: Dataset = { images, labels, count, rows: 4, cols: 4 };
    const params = createNetwork([16, 12, 4], 3);
    const trainer = new Trainer(
      params,
      { ...REFERENCE_CONFIG, hiddenSizes: [12], batchSize: 16, learningRate: 0.5 },
      data,
    );
    for (let i = 0; i < 400; i++) trainer.step();
    expect(evaluate(params, data).accuracy).toBe(1);
  });

  it('refuses a network that does not match the config', () => {
    expect(() => new Trainer(createNetwork([784, 20, 10], 1), config, small)).toThrow(
      /784-20-10 .* 784-32-16-10/,
    );
  });
});
