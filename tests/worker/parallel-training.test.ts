// Data-parallel training across real threads (Node worker threads sharing one WebAssembly memory): the same
// weights as the same shards run one after the other, helpers that cannot start, and shutting helpers down.
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { createInThreadShardedTrainer } from '../../src/nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../../src/nn/mini-batch-trainer';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { loadSharedKernelModuleNode, loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { startParallelTraining } from '../../src/worker/parallel-training';
import { shareDataset } from '../../src/worker/shared-dataset';
import { TrainerError } from '../../src/worker/trainer-error';
import { spawnShardHelperNode, startedThreads } from './support/spawn-shard-helper-node';

const mnist = loadMnistFromDisk('train');
const digits: Dataset = shareDataset({
  ...mnist,
  count: 700,
  images: mnist.images.subarray(0, 700 * 784),
  labels: mnist.labels.subarray(0, 700),
});
const sizes = [784, 40, 20, 10];
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [40, 20], learningRate: 0.3 };

function weightsOf(trainer: MiniBatchTrainer): number[] {
  return trainer.params.W.flatMap((w, l) => [...w, ...trainer.params.b[l]]);
}

afterAll(async () => {
  await Promise.all(startedThreads.map((thread) => thread.terminate()));
});

describe('startParallelTraining (Node worker threads)', () => {
  it('trains to exactly the weights of the same shards run in one thread, for 2 and 3 workers', async () => {
    const module = await loadSharedKernelModuleNode();
    for (const workers of [2, 3]) {
      const parallel = await startParallelTraining(
        createNetwork(sizes, 11),
        config,
        digits,
        workers,
        module,
        spawnShardHelperNode,
      );
      const inThread = createInThreadShardedTrainer(
        createNetwork(sizes, 11),
        config,
        digits,
        workers,
        await loadWasmKernelsNode(),
      );
      // Six batches of 128 and a last one of 60 rows: one epoch and the start of the next.
      for (let s = 0; s < 8; s++) {
        const a = parallel.trainer.step();
        const b = inThread.step();
        expect(a).toEqual(b);
      }
      expect(parallel.trainer.epoch).toBe(1);
      expect(weightsOf(parallel.trainer)).toEqual(weightsOf(inThread));
      parallel.close();
      expect(() => parallel.trainer.step()).toThrow(TrainerError);
    }
  });

  it('trains a CNN (conv, pool, dense) to exactly the weights of its shards run in one thread', async () => {
    const module = await loadSharedKernelModuleNode();
    const layers = parseLayerList('conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100');
    const cnn: TrainingConfig = {
      ...config,
      hiddenSizes: [],
      optimizer: 'adam',
      learningRate: 0.003,
      learningRateDecay: 0.6,
      batchSize: 100,
    };
    for (const workers of [2, 3]) {
      const parallel = await startParallelTraining(
        createLayerNetwork(layers, 14),
        cnn,
        digits,
        workers,
        module,
        spawnShardHelperNode,
      );
      const inThread = createInThreadShardedTrainer(
        createLayerNetwork(layers, 14),
        cnn,
        digits,
        workers,
        await loadWasmKernelsNode(),
      );
      expect(parallel.trainer.workers).toBe(workers);
      // Seven batches of 100 rows: one epoch and the first batch of the next.
      for (let s = 0; s < 8; s++) expect(parallel.trainer.step()).toEqual(inThread.step());
      expect(weightsOf(parallel.trainer)).toEqual(weightsOf(inThread));
      parallel.close();
    }
  }, 60_000);

  it('distorts the digits on every thread as in one thread, into the second epoch', async () => {
    const module = await loadSharedKernelModuleNode();
    const augmented: TrainingConfig = { ...config, augmentation: DEFAULT_AUGMENTATION };
    const parallel = await startParallelTraining(
      createNetwork(sizes, 12),
      augmented,
      digits,
      2,
      module,
      spawnShardHelperNode,
    );
    const inThread = createInThreadShardedTrainer(
      createNetwork(sizes, 12),
      augmented,
      digits,
      2,
      await loadWasmKernelsNode(),
    );
    for (let s = 0; s < 8; s++) expect(parallel.trainer.step()).toEqual(inThread.step());
    expect(parallel.trainer.epoch).toBe(1);
    expect(weightsOf(parallel.trainer)).toEqual(weightsOf(inThread));
    parallel.close();
  });

  it('serves the first command even when a helper starts serving after the leader posted it', async () => {
    const module = await loadSharedKernelModuleNode();
    const parallel = await startParallelTraining(
      createNetwork(sizes, 13),
      config,
      digits,
      2,
      module,
      (init) => spawnShardHelperNode(init, 300),
    );
    const inThread = createInThreadShardedTrainer(
      createNetwork(sizes, 13),
      config,
      digits,
      2,
      await loadWasmKernelsNode(),
    );
    // The leader posts at once; a helper that read the generation only when it began serving would miss
    // this command and the step would end in the 20 s 'stopped answering' error.
    for (let s = 0; s < 2; s++) expect(parallel.trainer.step()).toEqual(inThread.step());
    expect(weightsOf(parallel.trainer)).toEqual(weightsOf(inThread));
    parallel.close();
  }, 40_000);

  it('rejects with a readable error, and ends the helpers that did start, when one cannot start', async () => {
    const module = await loadSharedKernelModuleNode();
    const before = startedThreads.length;
    let calls = 0;
    const failing = startParallelTraining(createNetwork(sizes, 12), config, digits, 3, module, (init) => {
      calls++;
      return init.worker === 2 ? Promise.reject(new Error('out of memory')) : spawnShardHelperNode(init);
    });
    await expect(failing).rejects.toThrow(/Could not start 3 training workers: out of memory/);
    expect(calls).toBe(2);
    const started = startedThreads.slice(before);
    expect(started).toHaveLength(1);
    // terminate() was called on it: the thread's exit event has fired or fires now.
    await new Promise<void>((resolve) => {
      started[0].once('exit', () => resolve());
      if (started[0].threadId === -1) resolve();
    });
  });
});
