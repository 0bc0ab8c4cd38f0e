// The MNIST dataset's loading state per split, as the header and the Train place show it.
import type { StateCreator } from 'zustand';
import type { MnistSplit } from '../data/mnist-assets';
import type { AppState } from './store';

export type DatasetSplit = MnistSplit;
export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DatasetSplitState {
  readonly status: DatasetStatus;
  /** Progress in bytes of the split's gzip assets; bytesTotal is 0 until the manifest arrived. */
  readonly bytesLoaded: number;
  readonly bytesTotal: number;
  /** Number of digits once ready. */
  readonly count: number;
  /** What went wrong, in words a person can act on; null unless status is 'error'. */
  readonly error: string | null;
}

/** A handful of digits copied out of the training set for display, so the UI never holds the full arrays. */
export interface DatasetSamples {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

export interface DatasetSlice {
  readonly datasets: Readonly<Record<DatasetSplit, DatasetSplitState>>;
  readonly datasetSamples: DatasetSamples | null;
}

export const IDLE_SPLIT: DatasetSplitState = {
  status: 'idle',
  bytesLoaded: 0,
  bytesTotal: 0,
  count: 0,
  error: null,
};

// Actions live in dataset-actions.ts: they are module functions that drive the loader and call setState.
export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = () => ({
  datasets: { train: IDLE_SPLIT, test: IDLE_SPLIT },
  datasetSamples: null,
});
