// A helper worker of a data-parallel run in the browser: set up from one message, then serve until told to exit.
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
  self.close();
};
