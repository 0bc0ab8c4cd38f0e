// The training session as the page sees it: status, the config to train with, progress, speed and messages.
import type { StateCreator } from 'zustand';
import { REFERENCE_CONFIG, type TrainingConfig } from '../nn/types';
import type { EngineInfo } from '../worker/training-progress';
import type { AppState } from './store';

/**
 * idle: no run yet (or after Reset) · running · paused (Pause, or after Step) · stopped (Stop) ·
 * finished (all epochs done) · diverged (the guard ended it) · failed (the worker threw or died).
 */
export type TrainingStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'finished' | 'diverged' | 'failed';

export interface TrainingProgressView {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
  readonly samplesSeen: number;
  readonly totalSamples: number;
  readonly elapsedMs: number;
  readonly secondsLeft: number | null;
}

export interface TrainingNotice {
  readonly kind: 'divergence' | 'finished' | 'error';
  readonly text: string;
}

export interface SessionSlice {
  readonly trainingStatus: TrainingStatus;
  /** A command was sent and its answer has not come back: the buttons wait. */
  readonly trainingBusy: boolean;
  /** What Start trains with (the form writes it once every field is valid). */
  readonly trainingConfig: TrainingConfig;
  /** The preset the config came from, or null once a field was changed by hand. */
  readonly trainingPresetId: string | null;
  readonly trainingProgress: TrainingProgressView | null;
  /** Live training throughput, for the progress bar and the speed display. */
  readonly samplesPerSecond: number;
  /** The engine doing the work (kernels and worker count), once the worker said. */
  readonly engine: EngineInfo | null;
  /** Why the worker count could not be changed or read (the worker refused or failed), shown beside it. */
  readonly workerCountError: string | null;
  /** The latest test accuracy (subset or whole set) and the digits it was measured on. */
  readonly latestTestAccuracy: number | null;
  readonly latestTestSampleCount: number;
  readonly trainingNotice: TrainingNotice | null;
  /** Set when the worker failed: the UI shows it with a Restart worker button. */
  readonly workerError: string | null;
  readonly setTrainingConfig: (config: TrainingConfig, presetId?: string | null) => void;
  readonly dismissTrainingNotice: () => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  trainingStatus: 'idle',
  trainingBusy: false,
  trainingConfig: REFERENCE_CONFIG,
  trainingPresetId: 'reference',
  trainingProgress: null,
  samplesPerSecond: 0,
  engine: null,
  workerCountError: null,
  latestTestAccuracy: null,
  latestTestSampleCount: 0,
  trainingNotice: null,
  workerError: null,
  setTrainingConfig: (config, presetId = null) => set({ trainingConfig: config, trainingPresetId: presetId }),
  dismissTrainingNotice: () => set({ trainingNotice: null }),
});
