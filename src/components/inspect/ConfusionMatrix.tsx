// The 10x10 confusion matrix as a real table: counts in every cell, colour as a second cue, arrow-key navigation.
import { useRef, type KeyboardEvent } from 'react';
import { cssColour, sequentialColour, textColourOn, type Rgb } from './colour-scales';

export interface ConfusionCell {
  readonly trueLabel: number;
  readonly predicted: number;
}

export interface ConfusionMatrixProps {
  /** confusion[trueLabel * classes + predicted]. */
  readonly confusion: Int32Array;
  readonly classes: number;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly support: Int32Array;
  readonly selected: ConfusionCell | null;
  onSelect(cell: ConfusionCell): void;
}

const PAPER: Rgb = [250, 250, 250];
const MISTAKE: Rgb = [217, 95, 2];

function mistakeColour(share: number): Rgb {
  const t = Math.sqrt(Math.min(1, share));
  return [
    Math.round(PAPER[0] + (MISTAKE[0] - PAPER[0]) * t),
    Math.round(PAPER[1] + (MISTAKE[1] - PAPER[1]) * t),
    Math.round(PAPER[2] + (MISTAKE[2] - PAPER[2]) * t),
  ];
}

function percent(value: number): string {
  return Number.isNaN(value) ? '—' : `${(100 * value).toFixed(1)}%`;
}

export function ConfusionMatrix(props: ConfusionMatrixProps) {
  const { confusion, classes, precision, recall, support, selected } = props;
  const table = useRef<HTMLTableElement>(null);
  let maxMistakes = 1;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++)
      if (t !== p) maxMistakes = Math.max(maxMistakes, confusion[t * classes + p]);
  }
  const focusCell = selected ?? { trueLabel: 0, predicted: 0 };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, t: number, p: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const nt = Math.min(classes - 1, Math.max(0, t + move[0]));
    const np = Math.min(classes - 1, Math.max(0, p + move[1]));
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${nt}-${np}"]`)?.focus();
  };

  return (
    <div className="confusion-scroll">
      <table className="confusion" ref={table} data-testid="confusion-matrix">
        <caption className="visually-hidden">
          Confusion matrix: rows are the true digit, columns the network's answer. Each cell is a button that
          opens those test digits.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="confusion__corner">
              <span aria-hidden="true">true ↓</span>
              <span aria-hidden="true">answer →</span>
              <span className="visually-hidden">true digit</span>
            </th>
            {Array.from({ length: classes }, (_, p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
            <th
              scope="col"
              className="confusion__metric"
              title="Recall: share of this digit's test images read correctly"
            >
              recall
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: classes }, (_, t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {Array.from({ length: classes }, (_, p) => {
                const count = confusion[t * classes + p];
                const fill =
                  t === p
                    ? sequentialColour(0.25 + 0.75 * (support[t] === 0 ? 0 : count / support[t]))
                    : count === 0
                      ? PAPER
                      : mistakeColour(count / maxMistakes);
                const isSelected = selected?.trueLabel === t && selected.predicted === p;
                const isFocusTarget = focusCell.trueLabel === t && focusCell.predicted === p;
                return (
                  <td key={p}>
                    <button
                      type="button"
                      className={`confusion__cell${count === 0 ? ' confusion__cell--zero' : ''}`}
                      style={{ background: cssColour(fill), color: textColourOn(fill) }}
                      aria-pressed={isSelected}
                      aria-label={`true ${t}, answered ${p}: ${count} digit${count === 1 ? '' : 's'}`}
                      tabIndex={isFocusTarget ? 0 : -1}
                      data-cell={`${t}-${p}`}
                      onClick={() => props.onSelect({ trueLabel: t, predicted: p })}
                      onKeyDown={(e) => onKeyDown(e, t, p)}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
              <td className="confusion__metric">{percent(recall[t])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th
              scope="row"
              className="confusion__metric"
              title="Precision: share of this answer that was right"
            >
              precision
            </th>
            {Array.from({ length: classes }, (_, p) => (
              <td key={p} className="confusion__metric">
                {percent(precision[p])}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
