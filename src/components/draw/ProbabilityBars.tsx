// Ten bars, one per digit, with the probability as text; the most likely digit is highlighted.
import { roundPercentages } from './round-percentages';

export interface ProbabilityBarsProps {
  /** Ten probabilities summing to 1, or null before there is anything to read. */
  readonly probabilities: ArrayLike<number> | null;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export function ProbabilityBars({ probabilities }: ProbabilityBarsProps) {
  const texts = probabilities ? roundPercentages(probabilities) : null;
  let top = -1;
  if (probabilities) {
    top = 0;
    for (const d of DIGITS) if (probabilities[d] > probabilities[top]) top = d;
  }
  return (
    <ol className="bars" aria-label="Probability of each digit">
      {DIGITS.map((digit) => {
        const p = probabilities ? probabilities[digit] : 0;
        const text = texts ? `${texts[digit]}%` : '–';
        return (
          <li key={digit} className={digit === top ? 'bar bar--top' : 'bar'}>
            <span className="bar__digit" aria-hidden="true">
              {digit}
            </span>
            <span
              className="bar__track"
              role="meter"
              aria-label={`digit ${digit}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={texts ? Number(texts[digit]) : 0}
              aria-valuetext={texts ? `${digit}: ${text}` : `${digit}: no prediction`}
            >
              <span className="bar__fill" style={{ width: `${(p * 100).toFixed(2)}%` }} />
            </span>
            <span className="bar__value">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}
