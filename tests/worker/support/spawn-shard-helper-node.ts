// Starts data-parallel helpers as Node worker threads (the tests' stand-in for browser Workers).
import { Worker } from 'node:worker_threads';
import type { ShardHelperHandle } from '../../../src/worker/parallel-training';
import type { ShardHelperInit } from '../../../src/worker/shard-helper';

const boot = new URL('./node-shard-helper-boot.mjs', import.meta.url);
const entry = new URL('./node-shard-helper-entry.ts', import.meta.url).href;

/** Every thread started, so a test can check they all ended. */
export const startedThreads: Worker[] = [];

/** `pauseBeforeServingMs`: the helper sleeps that long between saying it is ready and serving. */
export function spawnShardHelperNode(
  init: ShardHelperInit,
  pauseBeforeServingMs = 0,
): Promise<ShardHelperHandle> {
  const thread = new Worker(boot, { workerData: { entry, init, pauseBeforeServingMs } });
  startedThreads.push(thread);
  return new Promise((resolve, reject) => {
    thread.once('message', (message: { type: string; message?: string }) => {
      if (message.type === 'ready') resolve({ terminate: () => void thread.terminate() });
      else {
        void thread.terminate();
        reject(new Error(message.message ?? 'the helper could not set up'));
      }
    });
    thread.once('error', (error) => {
      void thread.terminate();
      reject(error);
    });
  });
}
