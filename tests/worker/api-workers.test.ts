// The training session with several workers (Node worker threads standing in for nested browser Workers):
// the chosen count trains, pause and resume keep the helpers, and a failed start falls back to one worker.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { loadSharedKernelModuleNode } from '../../src/wasm/load-kernels-node';
import { createTrainerApi, type TrainerApi } from '../../src/worker/api';
import type { SpawnShardHelper } from '../../src/worker/parallel-training';
import { datasetSlice } from '../../src/worker/test-subset';
import { spawnShardHelperNode, startedThreads } from './support/spawn-shard-helper-node';

let train: Dataset;
let test: Dataset;

beforeAll(() => {
  train = datasetSlice(loadMnistFromDisk('train'), 0, 3000);
  test = datasetSlice(loadMnistFromDisk('test'), 0, 600);
});

afterAll(async () => {
  await Promise.all(startedThreads.map((thread) => thread.terminate()));
});

const SMALL: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [64, 32], batchSize: 64, epochs: 2 };
const QUICK = { evaluateEverySteps: 0, evaluationSubsetSize: 200, progressIntervalMs: 0, pointsPerEpoch: 10 };

async function session(spawn: SpawnShardHelper): Promise<TrainerApi> {
  const api = createTrainerApi({
    loadSplit: async (split) => (split === 'train' ? train : test),
    parallel: { maxWorkers: 3, defaultWorkers: 2, singleWorkerReason: null },
    parallelEngine: { loadModule: loadSharedKernelModuleNode, spawn },
  });
  await api.loadDataset('train', 'http://unused/');
  await api.loadDataset('test', 'http://unused/');
  api.configure(SMALL);
  return api;
}

describe('training session with several workers', () => {
  it('trains on the chosen count, reports it, pauses and resumes with it, and learns', async () => {
    const api = await session(spawnShardHelperNode);
    expect(api.getEngine()).toMatchObject({ workers: 2, chosenWorkers: 2, maxWorkers: 3 });
    api.setWorkerCount(3);
    const threadsBefore = startedThreads.length;
    let paused = false;
    const first = await api.train((p) => {
      if (!paused && p.samplesSeen >= 1000) {
        paused = true;
        void api.pause();
      }
    }, QUICK);
    expect(first.reason).toBe('paused');
    expect(api.getEngine().workers).toBe(3);
    expect(startedThreads.length - threadsBefore).toBe(2);
    const done = await api.resume();
    expect(done.reason).toBe('finished');
    expect(done.progress.samplesSeen).toBe(2 * train.count);
    expect(api.evaluate('live', 'test').accuracy).toBeGreaterThan(0.85);
    // The run is over: its helpers were told to exit.
    await Promise.all(
      startedThreads
        .slice(threadsBefore)
        .map(
          (thread) =>
            new Promise<void>((resolve) =>
              thread.threadId === -1 ? resolve() : thread.once('exit', () => resolve()),
            ),
        ),
    );
  });

  it('falls back to one worker, and still trains, when the helpers cannot start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = await session(() => Promise.reject(new Error('no nested workers here')));
    const outcome = await api.step();
    expect(outcome.progress.samplesSeen).toBe(64);
    expect(api.getEngine()).toMatchObject({ workers: 1, chosenWorkers: 2 });
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/no nested workers here/);
    warn.mockRestore();
  });

  it('trains a CNN on the chosen workers, and it learns', async () => {
    const api = await session(spawnShardHelperNode);
    api.configure({
      ...SMALL,
      hiddenSizes: [],
      layers: 'conv 4@5x5, pool 2, dense 32',
      optimizer: 'adam',
      learningRate: 0.003,
      epochs: 1,
    });
    const done = await api.train(() => undefined, QUICK);
    expect(done.reason).toBe('finished');
    expect(api.getEngine().workers).toBe(2);
    expect(done.progress.samplesSeen).toBe(train.count);
    // Chance is 10%; one epoch of 3,000 digits takes this small CNN well past it.
    expect(api.evaluate('live', 'test').accuracy).toBeGreaterThan(0.8);
  }, 60_000);

  it('refuses a worker count the page cannot offer, with a message', async () => {
    const api = await session(spawnShardHelperNode);
    expect(() => api.setWorkerCount(4)).toThrow(/between 1 and 3 workers/);
    expect(() => api.setWorkerCount(0)).toThrow(/between 1 and 3 workers/);
    expect(api.getEngine().chosenWorkers).toBe(2);
  });
});
