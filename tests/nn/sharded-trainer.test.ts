// Data-parallel training without threads: one worker repeats a Trainer bit for bit, several agree with it up
// to summation order and repeat themselves exactly, and short last batches leave idle workers out.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createInThreadShardedTrainer } from '../../src/nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../../src/nn/mini-batch-trainer';
import { createNetwork } from '../../src/nn/network';
import { sharedTrainingLayout } from '../../src/nn/shared-training-layout';
import { Trainer } from '../../src/nn/trainer';
import {
  REFERENCE_CONFIG,
  type Dataset,
  type NetworkParams,
  type StepReport,
  type TrainingConfig,
} from '../../src/nn/types';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { flattenWeights, relativeGap } from './support/weight-gap';

const mnist = loadMnistFromDisk('train');
/** 300 digits in batches of 128: the third batch has 44 rows, too few to reach every worker of three. */
const digits: Dataset = {
  ...mnist,
  count: 300,
  images: mnist.images.subarray(0, 300 * 784),
  labels: mnist.labels.subarray(0, 300),
};
const sizes = [784, 24, 12, 10];
const momentum: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [24, 12], learningRate: 0.3 };
const adam: TrainingConfig = {
  ...momentum,
  optimizer: 'adam',
  learningRate: 0.003,
  l2: 0.001,
  learningRateDecay: 0.7,
};

function run(trainer: MiniBatchTrainer, steps: number): StepReport[] {
  return Array.from({ length: steps }, () => trainer.step());
}

function flatten(source: MiniBatchTrainer | NetworkParams): Float32Array {
  return flattenWeights('step' in source ? source.params : source);
}

describe('sharedTrainingLayout', () => {
  it('splits the parameters into contiguous slices covering everything once, on first-layer row edges', () => {
    for (const workers of [1, 2, 3, 7]) {
      const layout = sharedTrainingLayout([784, 200, 100, 25, 10], 128, workers, 'adam');
      const covered = new Uint8Array(layout.flatLength);
      for (const slice of layout.slices) {
        for (const { from, to, tensor } of slice) {
          const t = layout.tensors[tensor];
          expect(from).toBeGreaterThanOrEqual(t.offset);
          expect(to).toBeLessThanOrEqual(t.offset + t.length);
          if (t.kind === 'firstT') expect([from % 200, to % 200]).toEqual([0, 0]);
          for (let i = from; i < to; i++) covered[i]++;
        }
      }
      for (const t of layout.tensors) {
        expect(covered.subarray(t.offset, t.offset + t.length).every((c) => c === 1)).toBe(true);
      }
      expect(layout.momentOffsets).toHaveLength(2);
      expect(layout.gradientOffsets).toHaveLength(workers);
      expect(layout.shardRows * workers).toBeGreaterThanOrEqual(128);
      expect(layout.tensors.every((t) => t.offset % 4 === 0)).toBe(true);
    }
  });
});

describe('ShardedTrainer', () => {
  it('with one worker repeats a Trainer bit for bit (reference momentum and Adam with L2 and decay)', () => {
    for (const config of [momentum, adam]) {
      const reference = new Trainer(createNetwork(sizes, 5), config, digits);
      const sharded = createInThreadShardedTrainer(createNetwork(sizes, 5), config, digits, 1);
      const expected = run(reference, 7);
      const actual = run(sharded, 7);
      expect(actual.map((r) => r.accuracy)).toEqual(expected.map((r) => r.accuracy));
      actual.forEach((r, i) => expect(r.loss).toBeCloseTo(expected[i].loss, 12));
      expect(Array.from(flatten(sharded))).toEqual(Array.from(flatten(reference)));
      expect(sharded.epoch).toBe(reference.epoch);
      expect(sharded.batchInEpoch).toBe(reference.batchInEpoch);
    }
  });

  it('with three workers trains the same batches to the same weights up to float32 summation order', () => {
    for (const config of [momentum, adam]) {
      const reference = new Trainer(createNetwork(sizes, 6), config, digits);
      const sharded = createInThreadShardedTrainer(createNetwork(sizes, 6), config, digits, 3);
      const expected = run(reference, 9);
      const actual = run(sharded, 9);
      actual.forEach((r, i) => {
        expect(r.samplesSeen).toBe(expected[i].samplesSeen);
        expect(r.loss).toBeCloseTo(expected[i].loss, 4);
      });
      expect(relativeGap(flatten(sharded), flatten(reference))).toBeLessThan(1e-4);
      expect(relativeGap(flatten(sharded), flatten(createNetwork(sizes, 6)))).toBeGreaterThan(1e-2);
    }
  });

  it('repeats a run exactly for a given worker count', () => {
    const a = createInThreadShardedTrainer(createNetwork(sizes, 7), adam, digits, 3);
    const b = createInThreadShardedTrainer(createNetwork(sizes, 7), adam, digits, 3);
    expect(run(a, 8)).toEqual(run(b, 8));
    expect(Array.from(flatten(a))).toEqual(Array.from(flatten(b)));
  });

  it('brings a kept reference to the weights up to date on syncParams(), as reading params does', () => {
    const lazy = createInThreadShardedTrainer(createNetwork(sizes, 6), momentum, digits, 2);
    const eager = createInThreadShardedTrainer(createNetwork(sizes, 6), momentum, digits, 2);
    const kept = lazy.params;
    run(lazy, 3);
    run(eager, 3);
    // A reference kept from before the steps (as a training run keeps one) catches up when asked.
    lazy.syncParams();
    expect(Array.from(flatten(kept))).toEqual(Array.from(flatten(eager)));
  });

  it('trains from weights written into params from outside once told (a restore)', () => {
    const sgd: TrainingConfig = { ...momentum, optimizer: 'sgd' };
    const sharded = createInThreadShardedTrainer(createNetwork(sizes, 8), sgd, digits, 2);
    const reference = new Trainer(createNetwork(sizes, 8), sgd, digits);
    run(sharded, 2);
    run(reference, 2);
    const restored = createNetwork(sizes, 9);
    for (const trainer of [sharded, reference]) {
      restored.W.forEach((w, l) => trainer.params.W[l].set(w));
      restored.b.forEach((b, l) => trainer.params.b[l].set(b));
      trainer.paramsChanged();
    }
    sharded.step();
    reference.step();
    expect(relativeGap(flatten(sharded), flatten(reference))).toBeLessThan(1e-5);
  });

  it('runs on the WebAssembly SIMD kernels with the shared tensors in their memory', async () => {
    const wasm = await loadWasmKernelsNode();
    const reference = new Trainer(createNetwork(sizes, 10), momentum, digits);
    const sharded = createInThreadShardedTrainer(createNetwork(sizes, 10), momentum, digits, 2, wasm);
    run(reference, 5);
    run(sharded, 5);
    expect(sharded.params.W[1].buffer).toBe(wasm.memoryBuffer);
    expect(relativeGap(flatten(sharded), flatten(reference))).toBeLessThan(1e-4);
  });
});
