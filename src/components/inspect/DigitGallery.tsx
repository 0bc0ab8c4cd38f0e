// The test digits of one confusion cell with their probabilities; clicking one opens it in the inspector.
import { DigitCanvas } from '../ui/DigitCanvas';
import { formatProbability } from './format-probability';

export interface GalleryItem {
  /** Index in its split. */
  readonly index: number;
  /** 784 bytes, ink high. */
  readonly image: Uint8Array;
  readonly label: number;
  readonly predicted: number;
  /** The ten class probabilities the network gave this digit. */
  readonly probabilities: Float32Array;
}

export interface DigitGalleryProps {
  readonly trueLabel: number;
  readonly predicted: number;
  /** How many digits the cell holds; `items` may be the first page of them. */
  readonly total: number;
  readonly items: readonly GalleryItem[];
  onOpen(item: GalleryItem): void;
  onShowMore?(): void;
}

export function DigitGallery({ trueLabel, predicted, total, items, onOpen, onShowMore }: DigitGalleryProps) {
  const mistakes = trueLabel !== predicted;
  return (
    <section className="gallery" aria-labelledby="gallery-title" data-testid="digit-gallery">
      <h3 id="gallery-title">
        {total.toLocaleString('en')} test digit{total === 1 ? '' : 's'}: true {trueLabel}, answered{' '}
        {predicted}
      </h3>
      <p className="muted">
        {total === 0
          ? 'No test digit falls in this cell.'
          : mistakes
            ? 'Most confident mistakes first. Click a digit to inspect it.'
            : 'Least confident first: the right answers the network was least sure of. Click a digit to inspect it.'}
      </p>
      <ul className="gallery__grid">
        {items.map((item) => (
          <li key={item.index}>
            <button
              type="button"
              className="gallery__item"
              onClick={() => onOpen(item)}
              // The name holds the visible "8: 97.0% 3: 3.0%" word for word, so speech input can say it.
              aria-label={
                `Test digit ${item.index}, true ${item.label}, answered ${item.predicted}: ` +
                `${formatProbability(item.probabilities[item.predicted])}` +
                (mistakes ? `, ${item.label}: ${formatProbability(item.probabilities[item.label])}` : '') +
                '. Open in the inspector.'
              }
              data-testid="gallery-digit"
            >
              <DigitCanvas pixels={item.image} rows={28} cols={28} label="" className="gallery__digit" />
              <span className="gallery__probs">
                <span>
                  {item.predicted}: <strong>{formatProbability(item.probabilities[item.predicted])}</strong>
                </span>{' '}
                {mistakes && (
                  <span className="muted">
                    {item.label}: {formatProbability(item.probabilities[item.label])}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onShowMore && items.length < total && (
        <button type="button" className="button button--small" onClick={onShowMore}>
          Show {Math.min(60, total - items.length)} more ({(total - items.length).toLocaleString('en')} left)
        </button>
      )}
    </section>
  );
}
