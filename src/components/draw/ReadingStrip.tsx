// The answer in one short strip over the pad on phones: the digit, how sure, and the next likeliest digits, all
// in view while drawing (the full reading, with its bars, follows below the pad).
import type { RankedDigit } from './ranked-digits';

export interface ReadingStripProps {
  /** Digits from most to least likely, or null while there is no answer. */
  readonly ranked: readonly RankedDigit[] | null;
  /** Why there is no answer yet, when it is not simply an empty pad. */
  readonly status: string | null;
  readonly hasInput: boolean;
  /** The short name of the network that answered ("Convolutional"), or null. */
  readonly reader?: string | null;
}

/** How many runners-up the strip names. */
const ALTERNATIVES = 2;

function percent(probability: number): string {
  const rounded = Math.round(probability * 100);
  return rounded === 0 && probability > 0 ? '<1%' : `${rounded}%`;
}

export function ReadingStrip({ ranked, status, hasInput, reader = null }: ReadingStripProps) {
  const top = ranked?.[0] ?? null;
  const note = top
    ? `${percent(top.probability)} sure`
    : (status ?? (hasInput ? 'Reading…' : 'Draw a digit'));
  return (
    // Screen readers hear the answer from the live region and the full reading; this is its visual shortcut.
    <div className="reading-strip" aria-hidden="true" data-testid="reading-strip">
      <span className={top ? 'reading-strip__digit' : 'reading-strip__digit reading-strip__digit--empty'}>
        {top?.digit ?? '?'}
      </span>
      <span className="reading-strip__answer">
        <span className="reading-strip__label">
          {top && reader ? `${reader} reads` : 'The network reads'}
        </span>
        <span className="reading-strip__note">{note}</span>
      </span>
      {ranked && (
        <span className="reading-strip__alternatives">
          <span className="reading-strip__label">Next</span>
          {ranked.slice(1, 1 + ALTERNATIVES).map(({ digit, probability }) => (
            <span key={digit} className="reading-strip__alternative">
              <strong>{digit}</strong> {percent(probability)}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
