// Starts a data-parallel run's helper as a browser Worker (from the training worker: a nested worker).
import type { ShardHelperInit } from './shard-helper';
import type { ShardHelperHandle } from './parallel-training';

export function spawnShardHelperBrowser(init: ShardHelperInit): Promise<ShardHelperHandle> {
  const worker = new Worker(new URL('./shard-helper.worker.ts', import.meta.url), {
    type: 'module',
    name: `digit-lab-helper-${init.worker + 1}`,
  });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
      if (event.data.type === 'ready') {
        resolve({ terminate: () => worker.terminate() });
      } else {
        worker.terminate();
        reject(new Error(event.data.message ?? 'the helper could not set up'));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the helper worker could not be loaded'));
    };
    worker.postMessage(init);
  });
}
