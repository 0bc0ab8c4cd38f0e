// The shared memory of a data-parallel run of a layer list: each worker's workspace fits its own arena with
// room for the kernels' scratch, and a run too big for the module's 1 GiB is refused with a clear message.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { createShard, dataParallelLayout } from '../../src/nn/data-parallel-layout';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { createNetwork } from '../../src/nn/network';
import { INPUT_SHAPE } from '../../src/nn/layer-shapes';
import { sharedLayerLayout } from '../../src/nn/shared-layer-layout';
import { REFERENCE_CONFIG, type TrainingConfig } from '../../src/nn/types';
import { instantiateKernels } from '../../src/wasm/instantiate-kernels';
import { loadSharedKernelModuleNode } from '../../src/wasm/load-kernels-node';
import { startParallelTraining } from '../../src/worker/parallel-training';
import { shareDataset } from '../../src/worker/shared-dataset';
import { MAX_SHARED_PAGES, sharedMemoryPlan } from '../../src/worker/shared-memory-plan';
import { datasetSlice } from '../../src/worker/test-subset';
import { TrainerError } from '../../src/worker/trainer-error';

const CNN = parseLayerList('conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100');
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [], optimizer: 'adam', batchSize: 64 };

describe('sharedMemoryPlan for a layer list', () => {
  it("gives each worker an arena that holds its workspace with a megabyte to spare, past the layout's floats", async () => {
    const train = shareDataset(datasetSlice(loadMnistFromDisk('train'), 0, 200));
    const module = await loadSharedKernelModuleNode();
    for (const workers of [2, 3]) {
      const layout = sharedLayerLayout(CNN, INPUT_SHAPE, 64, workers, 'adam');
      const plan = sharedMemoryPlan(layout);
      if (plan === null) throw new Error('the CNN preset should fit');
      expect(plan.pages).toBeLessThanOrEqual(MAX_SHARED_PAGES);
      expect(plan.arenas).toHaveLength(workers);
      expect(plan.arenas[0].start).toBeGreaterThanOrEqual(plan.layoutBase + layout.totalFloats * 4);
      plan.arenas.forEach((arena, w) => {
        if (w > 0) expect(arena.start).toBeGreaterThanOrEqual(plan.arenas[w - 1].end);
      });
      expect(plan.arenas[workers - 1].end).toBeLessThanOrEqual(plan.pages * 65536);
      const memory = new WebAssembly.Memory({ initial: plan.pages, maximum: plan.pages, shared: true });
      const order = new Uint32Array(train.count);
      for (let w = 0; w < workers; w++) {
        const kernels = await instantiateKernels(module, { memory, arena: plan.arenas[w] });
        const floats = kernels.viewAt(plan.layoutBase, layout.totalFloats);
        const before = kernels.freeBytes;
        createShard(layout, w, floats, config, train, order, kernels);
        // The workspace went into the arena (an arena too small hands out ordinary arrays instead)...
        expect(before - kernels.freeBytes).toBeGreaterThan(64 * 784 * 4);
        // ...and left room for the largest call's scratch.
        expect(kernels.freeBytes).toBeGreaterThanOrEqual(1 << 20);
      }
    }
  });

  it('leaves a worker that distorts its digits the same megabyte to spare, its elastic fields in the arena', async () => {
    const train = shareDataset(datasetSlice(loadMnistFromDisk('train'), 0, 200));
    const module = await loadSharedKernelModuleNode();
    // Elastic fields on (the defaults leave them off): their bank is the largest thing a distorting worker holds.
    const elastic = { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 };
    const augmented = { ...config, augmentation: { ...DEFAULT_AUGMENTATION, elastic } };
    for (const initial of [createNetwork([784, 200, 100, 25, 10], 1), createLayerNetwork(CNN, 1)]) {
      const layout = dataParallelLayout(initial, INPUT_SHAPE, 128, 2, 'adam');
      const plan = sharedMemoryPlan(layout);
      if (plan === null) throw new Error('the network should fit');
      const memory = new WebAssembly.Memory({ initial: plan.pages, maximum: plan.pages, shared: true });
      const order = new Uint32Array(train.count);
      for (let w = 0; w < 2; w++) {
        const kernels = await instantiateKernels(module, { memory, arena: plan.arenas[w] });
        const floats = kernels.viewAt(plan.layoutBase, layout.totalFloats);
        const before = kernels.freeBytes;
        createShard(layout, w, floats, augmented, train, order, kernels);
        // 256 fields of 2 × 784 floats went into the arena along with the workspace.
        expect(before - kernels.freeBytes).toBeGreaterThan(256 * 2 * 784 * 4);
        expect(kernels.freeBytes).toBeGreaterThanOrEqual(1 << 20);
      }
    }
  });

  it('refuses a run that does not fit the shared module’s 1 GiB, asking for one worker', async () => {
    const wide = parseLayerList('conv 64@5x5, conv 64@5x5, pool 2');
    const layout = sharedLayerLayout(wide, INPUT_SHAPE, 2048, 2, 'adam');
    expect(sharedMemoryPlan(layout)).toBeNull();
    const train = shareDataset(datasetSlice(loadMnistFromDisk('train'), 0, 2048));
    const started = startParallelTraining(
      createLayerNetwork(wide, 1),
      { ...config, batchSize: 2048 },
      train,
      2,
      await loadSharedKernelModuleNode(),
      () => Promise.reject(new Error('no helper should be started')),
    );
    await expect(started).rejects.toThrow(TrainerError);
    await expect(started).rejects.toThrow(/too large to share between workers: choose one worker/);
  });
});
