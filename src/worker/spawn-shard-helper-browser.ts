// A data-parallel run's helper as a browser Worker (from the training worker: a nested worker), set up for
// one run after another by ShardHelperPool.
import type { ShardHelperInit } from './shard-helper';
import type { ReusableShardHelper } from './shard-helper-pool';

let created = 0;

export function createBrowserShardHelper(): ReusableShardHelper {
  created++;
  const worker = new Worker(new URL('./shard-helper.worker.ts', import.meta.url), {
    type: 'module',
    name: `digit-lab-helper-${created}`,
  });
  return {
    start(init: ShardHelperInit): Promise<void> {
      return new Promise((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
          if (event.data.type === 'ready') resolve();
          else reject(new Error(event.data.message ?? 'the helper could not set up'));
        };
        worker.onerror = (event) => {
          event.preventDefault();
          reject(new Error(event.message || 'the helper worker could not be loaded'));
        };
        worker.postMessage(init);
      });
    },
    terminate: () => worker.terminate(),
  };
}
