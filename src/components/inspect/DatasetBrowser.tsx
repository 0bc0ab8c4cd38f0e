// Page through the training or test digits, filtered by label, and open any of them in the inspector.
import { DigitCanvas } from '../ui/DigitCanvas';

export type BrowserSplit = 'train' | 'test';

export interface BrowserDigit {
  readonly index: number;
  readonly image: Uint8Array;
  readonly label: number;
}

export interface DatasetBrowserProps {
  readonly split: BrowserSplit;
  /** null shows every label. */
  readonly label: number | null;
  readonly page: number;
  readonly pageCount: number;
  /** Digits matching the filter. */
  readonly total: number;
  readonly digits: readonly BrowserDigit[];
  /** Why the digits cannot be shown yet (dataset loading), or null. */
  readonly status: string | null;
  onSplitChange(split: BrowserSplit): void;
  onLabelChange(label: number | null): void;
  onPageChange(page: number): void;
  onOpen(digit: BrowserDigit): void;
}

export function DatasetBrowser(props: DatasetBrowserProps) {
  const { split, label, page, pageCount, total, digits, status } = props;
  return (
    <div className="browser" data-testid="dataset-browser">
      <div className="browser__controls">
        <div className="segmented" role="group" aria-label="Which digits">
          {(['test', 'train'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={split === s} onClick={() => props.onSplitChange(s)}>
              {s === 'test' ? 'Test set' : 'Training set'}
            </button>
          ))}
        </div>
        <label>
          Label{' '}
          <select
            value={label === null ? 'all' : String(label)}
            onChange={(e) => props.onLabelChange(e.target.value === 'all' ? null : Number(e.target.value))}
          >
            <option value="all">all</option>
            {Array.from({ length: 10 }, (_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <nav className="browser__pager" aria-label="Pages">
          <button
            type="button"
            className="button button--small"
            disabled={page <= 0}
            onClick={() => props.onPageChange(page - 1)}
          >
            ‹ Previous
          </button>
          <span aria-live="polite">
            Page {pageCount === 0 ? 0 : page + 1} of {pageCount.toLocaleString('en')} ·{' '}
            {total.toLocaleString('en')} digits
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={page >= pageCount - 1}
            onClick={() => props.onPageChange(page + 1)}
          >
            Next ›
          </button>
        </nav>
      </div>
      {status ? (
        <p className="muted">{status}</p>
      ) : (
        <ul className="browser__grid">
          {digits.map((d) => (
            <li key={d.index}>
              <button
                type="button"
                className="browser__item"
                onClick={() => props.onOpen(d)}
                aria-label={`${split === 'test' ? 'Test' : 'Training'} digit ${d.index}, labelled ${d.label}. Open in the inspector.`}
              >
                <DigitCanvas pixels={d.image} rows={28} cols={28} label="" className="browser__digit" />
                <span className="browser__label">{d.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
