// A helper worker of data-parallel runs in the browser: each message sets it up for a run, which it serves
// until the leader says exit; then it waits for the next run's message (ShardHelperPool keeps it).
import { prepareShardHelper, type ShardHelperInit } from './shard-helper';

self.onmessage = async (event: MessageEvent<ShardHelperInit>) => {
  let serve: () => void;
  try {
    serve = await prepareShardHelper(event.data);
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  self.postMessage({ type: 'ready' });
  serve();
};
