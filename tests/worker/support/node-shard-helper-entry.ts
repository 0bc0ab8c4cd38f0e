// The Node twin of src/worker/shard-helper.worker.ts, for tests: set up from workerData, then serve.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareShardHelper, type ShardHelperInit } from '../../../src/worker/shard-helper';

const { init } = workerData as { init: ShardHelperInit };
try {
  const serve = await prepareShardHelper(init);
  parentPort?.postMessage({ type: 'ready' });
  serve();
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
