// The network's answer, large: the most likely digit and how sure it is.

export interface TopPredictionProps {
  readonly digit: number | null;
  readonly probability: number;
  readonly hasInput: boolean;
  /** Why there is no answer yet, when it is not simply an empty pad. */
  readonly status: string | null;
  /** The network that gave this answer, when there is one. */
  readonly answeredBy?: string | null;
}

export function TopPrediction({
  digit,
  probability,
  hasInput,
  status,
  answeredBy = null,
}: TopPredictionProps) {
  const note =
    digit !== null
      ? `${Math.round(probability * 100)}% sure`
      : (status ?? (hasInput ? 'Reading…' : 'Draw a digit to start'));
  return (
    <div className="top-prediction">
      <span className="top-prediction__label">The network reads</span>
      <span
        className={
          digit === null ? 'top-prediction__digit top-prediction__digit--empty' : 'top-prediction__digit'
        }
        data-testid="top-digit"
      >
        {digit ?? '?'}
      </span>
      <span className="top-prediction__note">{note}</span>
      {digit !== null && answeredBy && (
        <span className="top-prediction__by" data-testid="answered-by">
          read by {answeredBy}
        </span>
      )}
    </div>
  );
}
