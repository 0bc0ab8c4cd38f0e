// One line of dataset status for the header, combined from the splits that have been asked for.
import type { DatasetSplit, DatasetSplitState, DatasetStatus } from './dataset-slice';

export interface DatasetSummary {
  /** 'idle' when nothing was requested yet (a visitor who only draws). */
  readonly status: DatasetStatus;
  readonly bytesLoaded: number;
  readonly bytesTotal: number;
  /** Splits that failed, for the Retry button; their messages joined for display. */
  readonly failedSplits: readonly DatasetSplit[];
  readonly error: string | null;
  /** Digits per ready split. */
  readonly counts: Readonly<Partial<Record<DatasetSplit, number>>>;
}

export function summariseDatasets(
  datasets: Readonly<Record<DatasetSplit, DatasetSplitState>>,
): DatasetSummary {
  const splits = Object.keys(datasets) as DatasetSplit[];
  const failedSplits = splits.filter((s) => datasets[s].status === 'error');
  const requested = splits.filter((s) => datasets[s].status !== 'idle');
  const counts: Partial<Record<DatasetSplit, number>> = {};
  for (const s of splits) if (datasets[s].status === 'ready') counts[s] = datasets[s].count;
  const status: DatasetStatus =
    failedSplits.length > 0
      ? 'error'
      : requested.some((s) => datasets[s].status === 'loading')
        ? 'loading'
        : requested.length > 0
          ? 'ready'
          : 'idle';
  return {
    status,
    bytesLoaded: requested.reduce((sum, s) => sum + datasets[s].bytesLoaded, 0),
    bytesTotal: requested.reduce((sum, s) => sum + datasets[s].bytesTotal, 0),
    failedSplits,
    error: failedSplits.length > 0 ? failedSplits.map((s) => datasets[s].error).join(' ') : null,
    counts,
  };
}
