// Boots a data-parallel helper in a Node worker thread for tests: TypeScript through tsx, then the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
