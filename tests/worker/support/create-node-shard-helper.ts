// A reusable data-parallel helper as a Node worker thread (the tests' stand-in for a pooled browser Worker).
import { Worker } from 'node:worker_threads';
import type { ReusableShardHelper } from '../../../src/worker/shard-helper-pool';
import { startedThreads } from './spawn-shard-helper-node';

const boot = new URL('./node-shard-helper-boot.mjs', import.meta.url);
const entry = new URL('./node-shard-helper-reusable-entry.ts', import.meta.url).href;

export function createNodeShardHelper(): ReusableShardHelper {
  const thread = new Worker(boot, { workerData: { entry } });
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
