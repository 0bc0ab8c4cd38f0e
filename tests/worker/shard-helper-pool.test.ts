// Helpers kept between runs: a second run takes the first run's threads and trains exactly as in one thread,
// a helper that does not get ready is ended, and a run whose helper stopped answering does not give it back.
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createInThreadShardedTrainer } from '../../src/nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../../src/nn/mini-batch-trainer';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { loadSharedKernelModuleNode, loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { startParallelTraining } from '../../src/worker/parallel-training';
import { ShardHelperPool, type ReusableShardHelper } from '../../src/worker/shard-helper-pool';
import { shareDataset } from '../../src/worker/shared-dataset';
import { TrainerError } from '../../src/worker/trainer-error';
import { createNodeShardHelper, startedThreads } from './support/spawn-shard-helper-node';

const mnist = loadMnistFromDisk('train');
const digits: Dataset = shareDataset({
  ...mnist,
  count: 600,
  images: mnist.images.subarray(0, 600 * 784),
  labels: mnist.labels.subarray(0, 600),
});
const sizes = [784, 30, 10];
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [30], learningRate: 0.3 };

function weightsOf(trainer: MiniBatchTrainer): number[] {
  return trainer.params.W.flatMap((w, l) => [...w, ...trainer.params.b[l]]);
}

afterAll(async () => {
  await Promise.all(startedThreads.map((thread) => thread.terminate()));
});

/** A helper that never answers: stands for a worker stuck starting, or one whose thread died. */
function silentHelper(ended: string[], name: string): ReusableShardHelper {
  return { start: () => new Promise(() => undefined), terminate: () => ended.push(name) };
}

describe('ShardHelperPool', () => {
  it('gives a second run the first run’s helper threads, and both train exactly as in one thread', async () => {
    const module = await loadSharedKernelModuleNode();
    const pool = new ShardHelperPool(() => createNodeShardHelper());
    const before = startedThreads.length;
    for (const seed of [21, 22]) {
      const parallel = await startParallelTraining(
        createNetwork(sizes, seed),
        config,
        digits,
        3,
        module,
        pool.spawn,
      );
      const inThread = createInThreadShardedTrainer(
        createNetwork(sizes, seed),
        config,
        digits,
        3,
        await loadWasmKernelsNode(),
      );
      for (let s = 0; s < 5; s++) expect(parallel.trainer.step()).toEqual(inThread.step());
      expect(weightsOf(parallel.trainer)).toEqual(weightsOf(inThread));
      parallel.close();
      expect(pool.idleCount).toBe(2);
      expect(() => parallel.trainer.step()).toThrow(TrainerError);
    }
    // Two helpers were started for the first run, and none for the second.
    expect(startedThreads.length - before).toBe(2);
    pool.terminateIdle();
    expect(pool.idleCount).toBe(0);
  });

  it('ends a helper that does not get ready in time, and the start fails with a readable error', async () => {
    const ended: string[] = [];
    const pool = new ShardHelperPool(() => silentHelper(ended, 'stuck'), 50);
    const module = await loadSharedKernelModuleNode();
    await expect(
      startParallelTraining(createNetwork(sizes, 23), config, digits, 2, module, pool.spawn),
    ).rejects.toThrow(/Could not start 2 training workers: a helper worker did not get ready in 0.05 s/);
    expect(ended).toEqual(['stuck']);
    expect(pool.idleCount).toBe(0);
  });

  it('ends, instead of keeping, the helpers of a run in which one stopped answering', async () => {
    const ended: string[] = [];
    // Ready at once but never serving: the first step waits for it in vain.
    const deaf: ReusableShardHelper = { start: async () => undefined, terminate: () => ended.push('deaf') };
    const pool = new ShardHelperPool(() => deaf);
    const module = await loadSharedKernelModuleNode();
    const parallel = await startParallelTraining(
      createNetwork(sizes, 24),
      config,
      digits,
      2,
      module,
      pool.spawn,
      100,
    );
    expect(() => parallel.trainer.step()).toThrow(/stopped answering \(no reply in 0.1 s\)/);
    parallel.close();
    expect(ended).toEqual(['deaf']);
    expect(pool.idleCount).toBe(0);
  });
});
