// The dataset's status in the app header, visible from every place: not loaded, loading with percent, ready, or failed with Retry.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { summariseDatasets } from '../../state/dataset-summary';
import { retryDataset } from '../../state/dataset-actions';
import { formatBytes, formatCount, percentOf } from './format';

export function DatasetHeaderStatus() {
  const datasets = useStore(useShallow((s) => s.datasets));
  const summary = summariseDatasets(datasets);
  let body;
  switch (summary.status) {
    case 'idle':
      body = <span className="status__text">MNIST loads when you open Train</span>;
      break;
    case 'loading': {
      const percent = percentOf(summary.bytesLoaded, summary.bytesTotal);
      body = (
        <span
          className="status__text"
          title={`${formatBytes(summary.bytesLoaded)} of ${formatBytes(summary.bytesTotal)}`}
        >
          Loading MNIST… {percent}%
        </span>
      );
      break;
    }
    case 'ready': {
      const parts = [];
      if (summary.counts.train !== undefined) parts.push(`${formatCount(summary.counts.train)} train`);
      if (summary.counts.test !== undefined) parts.push(`${formatCount(summary.counts.test)} test`);
      body = (
        <span className="status__text">
          MNIST ready<span className="status__detail"> · {parts.join(' / ')}</span>
        </span>
      );
      break;
    }
    case 'error':
      body = (
        <>
          <span className="status__text" title={summary.error ?? undefined}>
            MNIST failed<span className="status__detail"> to load</span>
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => summary.failedSplits.forEach((split) => void retryDataset(split))}
          >
            Retry
          </button>
        </>
      );
      break;
  }
  return (
    <div
      className={`status status--${summary.status}`}
      role="status"
      aria-live="polite"
      data-testid="dataset-header-status"
    >
      <span className="status__dot" aria-hidden="true" />
      {body}
    </div>
  );
}
