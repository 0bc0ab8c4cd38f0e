// Starts data-parallel helpers as Node worker threads (the tests' stand-in for browser Workers): a reusable
// helper for ShardHelperPool, and spawnShardHelperNode, one helper for one run.
import { Worker } from 'node:worker_threads';
import type { ShardHelperHandle } from '../../../src/worker/parallel-training';
import type { ShardHelperInit } from '../../../src/worker/shard-helper';
import type { ReusableShardHelper } from '../../../src/worker/shard-helper-pool';

const boot = new URL('./node-shard-helper-boot.mjs', import.meta.url);
const entry = new URL('./node-shard-helper-entry.ts', import.meta.url).href;

/** Every thread started, so a test can check they all ended. */
export const startedThreads: Worker[] = [];

/** `pauseBeforeServingMs`: the helper sleeps that long between saying it is ready and serving. */
export function createNodeShardHelper(pauseBeforeServingMs = 0): ReusableShardHelper {
  const thread = new Worker(boot, { workerData: { entry, pauseBeforeServingMs } });
  startedThreads.push(thread);
  return {
    start: (init) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        thread.once('error', onError);
        thread.once('message', (message: { type: string; message?: string }) => {
          thread.off('error', onError);
          if (message.type === 'ready') resolve();
          else reject(new Error(message.message ?? 'the helper could not set up'));
        });
        thread.postMessage(init);
      }),
    terminate: () => void thread.terminate(),
  };
}

/** A helper of its own for one run, ended when it cannot start. */
export async function spawnShardHelperNode(
  init: ShardHelperInit,
  pauseBeforeServingMs = 0,
): Promise<ShardHelperHandle> {
  const helper = createNodeShardHelper(pauseBeforeServingMs);
  try {
    await helper.start(init);
  } catch (error) {
    helper.terminate();
    throw error;
  }
  return { terminate: helper.terminate };
}
