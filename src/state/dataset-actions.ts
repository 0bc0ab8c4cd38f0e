// The single entry point for getting MNIST into the app: ensureDataset / retryDataset have the training worker
// load a split (the digits live there, next to the network) and write its progress into the store.
import { proxy } from 'comlink';
import { getTrainer } from '../worker/client';
import { useStore } from './store';
import type { DatasetSamples, DatasetSplit, DatasetSplitState } from './dataset-slice';

/** How many training digits the sample grid shows. */
export const SAMPLE_COUNT = 32;

const inFlight = new Map<DatasetSplit, Promise<void>>();

function patchSplit(split: DatasetSplit, patch: Partial<DatasetSplitState>): void {
  useStore.setState((s) => ({ datasets: { ...s.datasets, [split]: { ...s.datasets[split], ...patch } } }));
}

async function samplesOf(
  split: DatasetSplit,
  info: { count: number; rows: number; cols: number },
): Promise<DatasetSamples> {
  const count = Math.min(SAMPLE_COUNT, info.count);
  const indices = Int32Array.from({ length: count }, (_, i) => i);
  const { images, labels } = await getTrainer().getSamples(split, indices);
  return { images, labels, count, rows: info.rows, cols: info.cols };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : `The MNIST data could not be loaded: ${String(error)}`;
}

function appBaseUrl(): string {
  // document.baseURI keeps the page's sub-path, so the assets resolve wherever the build is hosted.
  return typeof document !== 'undefined' ? document.baseURI : self.location.href;
}

function startLoad(split: DatasetSplit): Promise<void> {
  patchSplit(split, { status: 'loading', bytesLoaded: 0, bytesTotal: 0, error: null });
  let shownPermille = -1;
  const onProgress = (bytesLoaded: number, bytesTotal: number) => {
    // A re-render per network chunk is wasted work; one per 0.1 % is smooth enough for a progress bar.
    const permille = bytesTotal > 0 ? Math.floor((bytesLoaded / bytesTotal) * 1000) : 0;
    if (permille === shownPermille) return;
    shownPermille = permille;
    patchSplit(split, { bytesLoaded, bytesTotal });
  };
  const load = getTrainer()
    .loadDataset(split, appBaseUrl(), proxy(onProgress))
    .then(async (info) => {
      if (split === 'train') useStore.setState({ datasetSamples: await samplesOf(split, info) });
      const total = useStore.getState().datasets[split].bytesTotal;
      patchSplit(split, { status: 'ready', count: info.count, bytesLoaded: total });
    })
    .catch((error: unknown) => {
      patchSplit(split, { status: 'error', error: describe(error) });
    })
    .finally(() => {
      inFlight.delete(split);
    });
  inFlight.set(split, load);
  return load;
}

/** Starts loading a split unless it is loading or loaded; a failed split waits for retryDataset. */
export function ensureDataset(split: DatasetSplit): Promise<void> {
  const running = inFlight.get(split);
  if (running) return running;
  if (useStore.getState().datasets[split].status !== 'idle') return Promise.resolve();
  return startLoad(split);
}

/** Loads a split again after an error (the Retry button). */
export function retryDataset(split: DatasetSplit): Promise<void> {
  const running = inFlight.get(split);
  if (running) return running;
  if (useStore.getState().datasets[split].status === 'ready') return Promise.resolve();
  return startLoad(split);
}

/** Forget loads in flight (tests, and a restarted worker whose predecessor will never answer). */
export function forgetLoadedDatasets(): void {
  inFlight.clear();
}
