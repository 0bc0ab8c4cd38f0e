// The metric history of this session's runs: the current run's curves and earlier runs kept for comparison.
import type { StateCreator } from 'zustand';
import type { TrainingConfig } from '../nn/types';
import type { TestPoint, TrainPoint } from '../worker/training-progress';
import type { AppState } from './store';

export type RunEnd = 'running' | 'paused' | 'stopped' | 'finished' | 'diverged' | 'failed';

export interface RunHistory {
  /** 1, 2, 3… in the order the runs were started in this session. */
  readonly id: number;
  readonly config: TrainingConfig;
  /** Smoothed training loss and accuracy over samples seen (downsampled when long). */
  readonly train: readonly TrainPoint[];
  /** Test evaluations: the fixed subset every N steps and the whole test set after each epoch. */
  readonly test: readonly TestPoint[];
  /** Seconds of training of each completed epoch. */
  readonly epochSeconds: readonly number[];
  readonly end: RunEnd;
}

/** Runs kept for comparison; older ones drop off so a long session stays light. */
export const MAX_PAST_RUNS = 8;

export interface MetricsSlice {
  readonly currentRun: RunHistory | null;
  /** Earlier runs, newest first. */
  readonly pastRuns: readonly RunHistory[];
  /** Ids of earlier runs drawn over the current charts. */
  readonly comparedRunIds: readonly number[];
  readonly toggleComparedRun: (id: number) => void;
  readonly clearPastRuns: () => void;
}

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  currentRun: null,
  pastRuns: [],
  comparedRunIds: [],
  toggleComparedRun: (id) =>
    set((s) => ({
      comparedRunIds: s.comparedRunIds.includes(id)
        ? s.comparedRunIds.filter((other) => other !== id)
        : [...s.comparedRunIds, id],
    })),
  clearPastRuns: () => set({ pastRuns: [], comparedRunIds: [] }),
});
