// One split's download state: a progress bar with bytes and percent, a tick when ready, or the error with Retry.
import type { DatasetSplit, DatasetSplitState } from '../../state/dataset-slice';
import { retryDataset } from '../../state/dataset-actions';
import { formatBytes, formatCount, percentOf } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';

export interface DatasetSplitProgressProps {
  readonly split: DatasetSplit;
  readonly title: string;
  readonly state: DatasetSplitState;
}

export function DatasetSplitProgress({ split, title, state }: DatasetSplitProgressProps) {
  const percent = state.status === 'ready' ? 100 : percentOf(state.bytesLoaded, state.bytesTotal);
  const bytes = `${formatBytes(state.bytesLoaded)} of ${state.bytesTotal ? formatBytes(state.bytesTotal) : '…'}`;
  return (
    <div className={`split split--${state.status}`} data-testid={`dataset-split-${split}`}>
      <div className="split__row">
        <span className="split__title">{title}</span>
        <span className="split__detail">
          {state.status === 'idle' && 'waiting'}
          {state.status === 'loading' && `${bytes} · ${percent}%`}
          {state.status === 'ready' && `${formatCount(state.count)} digits ✓`}
          {state.status === 'error' && 'failed'}
        </span>
      </div>
      {state.status === 'error' ? (
        <div className="split__error" role="alert">
          <p>{state.error}</p>
          <button type="button" className="button" onClick={() => void retryDataset(split)}>
            Retry
          </button>
        </div>
      ) : (
        <ProgressBar percent={percent} label={`${title} download`} valueText={bytes} />
      )}
    </div>
  );
}
