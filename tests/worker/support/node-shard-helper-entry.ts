// The Node twin of src/worker/shard-helper.worker.ts, for tests: each message sets up a run, served until exit.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareShardHelper, type ShardHelperInit } from '../../../src/worker/shard-helper';

const { pauseBeforeServingMs } = workerData as { pauseBeforeServingMs: number };

parentPort?.on('message', async (init: ShardHelperInit) => {
  try {
    const serve = await prepareShardHelper(init);
    parentPort?.postMessage({ type: 'ready' });
    // A helper descheduled between saying ready and serving (a busy machine): the leader may post first.
    if (pauseBeforeServingMs > 0)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseBeforeServingMs);
    serve();
  } catch (error) {
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
