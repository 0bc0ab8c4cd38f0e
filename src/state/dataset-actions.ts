// The single entry point for getting MNIST into the app: ensureDataset / retryDataset drive the loader and
// write progress into the store. Loading runs on the main thread for now; moving it into the training worker
// changes only this file.
import type { Dataset } from '../nn/types';
import { loadMnistSplit } from '../data/load-mnist';
import { useStore } from './store';
import type { DatasetSamples, DatasetSplit, DatasetSplitState } from './dataset-slice';

/** How many training digits the sample grid shows. */
export const SAMPLE_COUNT = 32;

const inFlight = new Map<DatasetSplit, Promise<void>>();
const loaded = new Map<DatasetSplit, Dataset>();

function patchSplit(split: DatasetSplit, patch: Partial<DatasetSplitState>): void {
  useStore.setState((s) => ({ datasets: { ...s.datasets, [split]: { ...s.datasets[split], ...patch } } }));
}

function samplesOf(dataset: Dataset): DatasetSamples {
  const count = Math.min(SAMPLE_COUNT, dataset.count);
  const pixelsPerDigit = dataset.rows * dataset.cols;
  return {
    images: dataset.images.slice(0, count * pixelsPerDigit),
    labels: dataset.labels.slice(0, count),
    count,
    rows: dataset.rows,
    cols: dataset.cols,
  };
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
  const load = loadMnistSplit(split, {
    baseUrl: appBaseUrl(),
    onProgress: ({ bytesLoaded, bytesTotal }) => {
      // A re-render per network chunk is wasted work; one per 0.1 % is smooth enough for a progress bar.
      const permille = bytesTotal > 0 ? Math.floor((bytesLoaded / bytesTotal) * 1000) : 0;
      if (permille === shownPermille) return;
      shownPermille = permille;
      patchSplit(split, { bytesLoaded, bytesTotal });
    },
  })
    .then((dataset) => {
      loaded.set(split, dataset);
      if (split === 'train') useStore.setState({ datasetSamples: samplesOf(dataset) });
      const total = useStore.getState().datasets[split].bytesTotal;
      patchSplit(split, { status: 'ready', count: dataset.count, bytesLoaded: total });
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

/** The loaded split on the main thread, for code that needs the digits themselves (evaluation, browsing). */
export function getLoadedDataset(split: DatasetSplit): Dataset | undefined {
  return loaded.get(split);
}

/** Tests only: forget loaded data so each case starts from a fresh store. */
export function forgetLoadedDatasets(): void {
  loaded.clear();
  inFlight.clear();
}
