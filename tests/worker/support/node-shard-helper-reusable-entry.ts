// The Node twin of src/worker/shard-helper.worker.ts for pooled helpers: each message sets up a run to serve.
import { parentPort } from 'node:worker_threads';
import { prepareShardHelper, type ShardHelperInit } from '../../../src/worker/shard-helper';

parentPort?.on('message', async (init: ShardHelperInit) => {
  try {
    const serve = await prepareShardHelper(init);
    parentPort?.postMessage({ type: 'ready' });
    serve();
  } catch (error) {
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
