// Data-parallel training of a layer list (conv, pool, dense) without threads: one worker repeats a
// LayerTrainer bit for bit, two and three train the same batches to the same weights up to summation order,
// with the TypeScript kernels and the WebAssembly ones; and the layout covers every parameter once.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createInThreadShardedTrainer } from '../../src/nn/in-thread-sharded-trainer';
import { typescriptKernels, type Kernels } from '../../src/nn/kernels';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork, type LayerNetworkParams } from '../../src/nn/layer-network';
import { INPUT_SHAPE } from '../../src/nn/layer-shapes';
import { LayerTrainer } from '../../src/nn/layer-trainer';
import type { MiniBatchTrainer } from '../../src/nn/mini-batch-trainer';
import { sharedLayerLayout } from '../../src/nn/shared-layer-layout';
import { REFERENCE_CONFIG, type Dataset, type StepReport, type TrainingConfig } from '../../src/nn/types';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { flattenWeights, relativeGap } from './support/weight-gap';

const CNN = 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100';
const layers = parseLayerList(CNN);
const mnist = loadMnistFromDisk('train');
/** 140 digits in batches of 40: the fourth batch has 20 rows, too few to reach the third of three workers. */
const digits: Dataset = {
  ...mnist,
  count: 140,
  images: mnist.images.subarray(0, 140 * 784),
  labels: mnist.labels.subarray(0, 140),
};
/** The CNN preset's optimizer (Adam, decay each epoch) with L2, in smaller batches. */
const config: TrainingConfig = {
  ...REFERENCE_CONFIG,
  hiddenSizes: [],
  layers: CNN,
  optimizer: 'adam',
  learningRate: 0.003,
  learningRateDecay: 0.6,
  l2: 0.0005,
  batchSize: 40,
};
/** One epoch (4 batches) and the start of the next: a reshuffle and a decayed learning rate. */
const STEPS = 6;

function run(trainer: Pick<MiniBatchTrainer, 'step'>, steps: number): StepReport[] {
  return Array.from({ length: steps }, () => trainer.step());
}

/**
 * The weights placed where `kernels` allocate (WebAssembly memory), as the sharded trainer's live: the
 * WebAssembly optimizer updates only arrays there, the TypeScript twin the others, rounding differently.
 */
function placed(params: LayerNetworkParams, kernels: Kernels): LayerNetworkParams {
  const place = (source: Float32Array) => {
    const array = kernels.allocate?.(source.length) ?? new Float32Array(source.length);
    array.set(source);
    return array;
  };
  return { layers: params.layers, W: params.W.map(place), b: params.b.map(place) };
}

describe('sharedLayerLayout', () => {
  it('lays W and b out 16-byte aligned and splits them into near-equal slices covering everything once', () => {
    const initial = createLayerNetwork(layers, 1);
    for (const workers of [1, 2, 3, 5]) {
      const layout = sharedLayerLayout(layers, INPUT_SHAPE, 64, workers, 'adam');
      expect(layout.tensors.map((t) => t.length)).toEqual(
        initial.W.flatMap((w, i) => [w.length, initial.b[i].length]),
      );
      expect(layout.tensors.every((t) => t.offset % 4 === 0)).toBe(true);
      const covered = new Uint8Array(layout.flatLength);
      const sliceLengths: number[] = [];
      for (const slice of layout.slices) {
        let length = 0;
        for (const { from, to, tensor } of slice) {
          const t = layout.tensors[tensor];
          expect(from).toBeGreaterThanOrEqual(t.offset);
          expect(to).toBeLessThanOrEqual(t.offset + t.length);
          expect(from % 4).toBe(0);
          for (let i = from; i < to; i++) covered[i]++;
          length += to - from;
        }
        sliceLengths.push(length);
      }
      for (const t of layout.tensors) {
        expect(covered.subarray(t.offset, t.offset + t.length).every((c) => c === 1)).toBe(true);
      }
      const total = sliceLengths.reduce((a, b) => a + b, 0);
      // Near-equal: each within a few tensors' padding of an equal share.
      for (const length of sliceLengths) expect(Math.abs(length - total / workers)).toBeLessThan(40);
      expect(layout.momentOffsets).toHaveLength(2);
      expect(layout.gradientOffsets).toHaveLength(workers);
      expect(layout.shardRows * workers).toBeGreaterThanOrEqual(64);
      expect(layout.totalFloats).toBe(layout.flatLength * (1 + 2 + workers));
    }
  });
});

describe('ShardedTrainer over a layer list', () => {
  const kernelSets: [string, () => Promise<Kernels>][] = [
    ['TypeScript', async () => typescriptKernels],
    ['WebAssembly SIMD', loadWasmKernelsNode],
  ];
  for (const [name, kernelsFor] of kernelSets) {
    it(`with one worker repeats a LayerTrainer bit for bit (${name} kernels)`, async () => {
      const kernels = await kernelsFor();
      const reference = new LayerTrainer(
        placed(createLayerNetwork(layers, 3), kernels),
        config,
        digits,
        kernels,
      );
      const sharded = createInThreadShardedTrainer(
        createLayerNetwork(layers, 3),
        config,
        digits,
        1,
        await kernelsFor(),
      );
      expect(run(sharded, STEPS)).toEqual(run(reference, STEPS));
      expect(Array.from(flattenWeights(sharded.params))).toEqual(
        Array.from(flattenWeights(reference.params)),
      );
    });

    it(`with two and three workers trains the same batches to the same weights (${name} kernels)`, async () => {
      const reference = new LayerTrainer(createLayerNetwork(layers, 4), config, digits, await kernelsFor());
      const expected = run(reference, STEPS);
      const initial = flattenWeights(createLayerNetwork(layers, 4));
      expect(relativeGap(flattenWeights(reference.params), initial)).toBeGreaterThan(1e-2);
      for (const workers of [2, 3]) {
        const sharded = createInThreadShardedTrainer(
          createLayerNetwork(layers, 4),
          config,
          digits,
          workers,
          await kernelsFor(),
        );
        expect(sharded.workers).toBe(workers);
        const actual = run(sharded, STEPS);
        actual.forEach((r, i) => {
          expect(r.samplesSeen).toBe(expected[i].samplesSeen);
          expect(r.epoch).toBe(expected[i].epoch);
          expect(r.accuracy).toBe(expected[i].accuracy);
          expect(r.loss).toBeCloseTo(expected[i].loss, 4);
        });
        expect(relativeGap(flattenWeights(sharded.params), flattenWeights(reference.params))).toBeLessThan(
          1e-4,
        );
      }
    });
  }

  it('trains from weights written into params from outside once told (a restore)', () => {
    const sgd: TrainingConfig = { ...config, optimizer: 'sgd', l2: 0 };
    const sharded = createInThreadShardedTrainer(createLayerNetwork(layers, 8), sgd, digits, 2);
    const reference = new LayerTrainer(createLayerNetwork(layers, 8), sgd, digits);
    run(sharded, 2);
    run(reference, 2);
    const restored = createLayerNetwork(layers, 9);
    for (const params of [sharded.params, reference.params]) {
      restored.W.forEach((w, i) => params.W[i].set(w));
      restored.b.forEach((b, i) => params.b[i].set(b));
    }
    sharded.paramsChanged();
    sharded.step();
    reference.step();
    expect(relativeGap(flattenWeights(sharded.params), flattenWeights(reference.params))).toBeLessThan(1e-5);
  });
});
