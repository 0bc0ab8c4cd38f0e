// A labelled progress bar (role="progressbar") that screen readers announce and CSS can style.
export interface ProgressBarProps {
  /** 0-100. */
  readonly percent: number;
  readonly label: string;
  /** Spoken value, e.g. "4.1 MB of 9.6 MB". */
  readonly valueText: string;
}

export function ProgressBar({ percent, label, valueText }: ProgressBarProps) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
