// Training on distorted digits: the dense and the layer-list trainers see distortions that the seed fixes, the
// run repeats to the last bit, and it differs from training on the digits as they are.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { BatchImages } from '../../src/nn/batch-images';
import { DigitAugmenter } from '../../src/nn/digit-augmenter';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { LayerTrainer } from '../../src/nn/layer-trainer';
import { createNetwork } from '../../src/nn/network';
import { Trainer } from '../../src/nn/trainer';
import { createInThreadShardedTrainer } from '../../src/nn/in-thread-sharded-trainer';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { datasetSlice } from '../../src/worker/test-subset';

const train: Dataset = datasetSlice(loadMnistFromDisk('train'), 0, 640);
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [30], batchSize: 64, learningRate: 0.1 };
const augmented: TrainingConfig = { ...config, augmentation: DEFAULT_AUGMENTATION };
const PIXELS = 784;

function denseLosses(c: TrainingConfig, steps: number): { losses: number[]; W: Float32Array } {
  const trainer = new Trainer(createNetwork([784, 30, 10], c.seed), c, train);
  const losses = Array.from({ length: steps }, () => trainer.step().loss);
  return { losses, W: trainer.params.W[0] };
}

describe('training on distorted digits', () => {
  it('hands a batch the distorted copies of exactly its samples for that epoch', () => {
    const order = Uint32Array.from({ length: train.count }, (_, i) => (i * 37) % train.count);
    const images = new BatchImages(train, DEFAULT_AUGMENTATION, 5, 64);
    const rows = images.prepare(order, 128, 64, 2);
    const one = new Uint8Array(PIXELS);
    const augmenter = new DigitAugmenter(DEFAULT_AUGMENTATION);
    for (const r of [0, 17, 63]) {
      augmenter.augment(one, 0, train.images, order[128 + r], 5, 2);
      const at = rows.order[rows.start + r] * PIXELS;
      expect(Array.from(rows.images.subarray(at, at + PIXELS))).toEqual(Array.from(one));
    }
    // Without augmentation the rows are the training set's own, read through the epoch's order.
    const plain = new BatchImages(train, undefined, 5, 64).prepare(order, 128, 64, 2);
    expect(plain.images).toBe(train.images);
    expect(plain.order[plain.start + 5]).toBe(order[133]);
  });

  it('repeats a dense run to the last bit, and differs from the plain run', () => {
    const first = denseLosses(augmented, 25);
    const again = denseLosses(augmented, 25);
    const plain = denseLosses(config, 25);
    expect(again.losses).toEqual(first.losses);
    expect(Array.from(again.W)).toEqual(Array.from(first.W));
    expect(first.losses).not.toEqual(plain.losses);
    // Distorted digits are harder but still learnable: the loss falls over the first epochs.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(first.losses.slice(-5))).toBeLessThan(mean(first.losses.slice(0, 5)));
  });

  it('repeats a layer-list run to the last bit, and differs from the plain run', () => {
    const layers = parseLayerList('conv 4@5x5, pool 2, dense 20');
    const run = (c: TrainingConfig) => {
      const trainer = new LayerTrainer(createLayerNetwork(layers, 3), c, train);
      return Array.from({ length: 12 }, () => trainer.step().loss);
    };
    const first = run({ ...augmented, seed: 3 });
    expect(run({ ...augmented, seed: 3 })).toEqual(first);
    expect(run({ ...config, seed: 3 })).not.toEqual(first);
    expect(first.every(Number.isFinite)).toBe(true);
  });
});

describe('training on distorted digits across workers', () => {
  /** The weights after `steps` steps on `workers` in-thread workers, across an epoch boundary. */
  function shardedWeights(c: TrainingConfig, workers: number, steps: number, layers: string | null) {
    const trainer =
      layers === null
        ? createInThreadShardedTrainer(createNetwork([784, 30, 10], c.seed), c, train, workers)
        : createInThreadShardedTrainer(createLayerNetwork(parseLayerList(layers), c.seed), c, train, workers);
    const losses = Array.from({ length: steps }, () => trainer.step().loss);
    return { losses, W: trainer.params.W.map((w) => Array.from(w)) };
  }

  it.each([
    ['a dense network', null],
    ['a CNN', 'conv 4@5x5, pool 2, dense 20'],
  ])(
    'give %s on 1 and 2 workers the same distorted digits: the same run up to summation order',
    (_, layers) => {
      // 640 digits at batch 64: 14 steps cross into the second epoch, whose distortions are new.
      const one = shardedWeights(augmented, 1, 14, layers);
      const two = shardedWeights(augmented, 2, 14, layers);
      const plain = shardedWeights(config, 2, 14, layers);
      two.losses.forEach((loss, i) => expect(loss).toBeCloseTo(one.losses[i], 4));
      const gap = Math.max(...two.W.flatMap((w, l) => w.map((v, i) => Math.abs(v - one.W[l][i]))));
      expect(gap).toBeLessThan(1e-4);
      expect(Math.abs(plain.losses[13] - one.losses[13])).toBeGreaterThan(1e-3);
    },
  );
});
