// @vitest-environment jsdom
// The confusion matrix renders a given matrix's counts and metrics, and clicks and arrow keys pick the right cell.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfusionMatrix } from '../../../src/components/inspect/ConfusionMatrix';

afterEach(cleanup);

/** A 10-class matrix where cell (t, p) holds 100 on the diagonal and (t * 10 + p) % 7 elsewhere. */
function matrix(): Int32Array {
  const m = new Int32Array(100);
  for (let t = 0; t < 10; t++) for (let p = 0; p < 10; p++) m[t * 10 + p] = t === p ? 100 : (t * 10 + p) % 7;
  return m;
}

function renderMatrix(onSelect = vi.fn(), selected: { trueLabel: number; predicted: number } | null = null) {
  const confusion = matrix();
  const support = new Int32Array(10);
  const columns = new Int32Array(10);
  for (let t = 0; t < 10; t++)
    for (let p = 0; p < 10; p++) {
      support[t] += confusion[t * 10 + p];
      columns[p] += confusion[t * 10 + p];
    }
  const recall = Float64Array.from(support, (s, c) => confusion[c * 11] / s);
  const precision = Float64Array.from(columns, (s, c) => confusion[c * 11] / s);
  render(
    <ConfusionMatrix
      confusion={confusion}
      classes={10}
      precision={precision}
      recall={recall}
      support={support}
      selected={selected}
      onSelect={onSelect}
    />,
  );
  return { confusion, recall, precision };
}

describe('ConfusionMatrix', () => {
  it('shows every cell count in the right row and column', () => {
    const { confusion } = renderMatrix();
    const table = screen.getByTestId('confusion-matrix');
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        const count = confusion[t * 10 + p];
        // Row t + 1 (after the header), column p + 1 (after the row header).
        const cell = table.querySelectorAll('tbody tr')[t].querySelectorAll('td button')[p];
        expect(cell).toHaveTextContent(new RegExp(`^${count}$`));
        expect(cell).toHaveAttribute(
          'aria-label',
          `true ${t}, answered ${p}: ${count} digit${count === 1 ? '' : 's'}`,
        );
      }
    }
    expect(table.querySelectorAll('button')).toHaveLength(100);
  });

  it('shows recall per row and precision per column as percentages', () => {
    const { recall, precision } = renderMatrix();
    const rows = screen.getAllByRole('row');
    // header row, ten class rows, precision row
    expect(rows).toHaveLength(12);
    expect(within(rows[4]).getAllByRole('cell').at(-1)).toHaveTextContent(`${(100 * recall[3]).toFixed(1)}%`);
    expect(within(rows[11]).getAllByRole('cell')[8]).toHaveTextContent(`${(100 * precision[8]).toFixed(1)}%`);
  });

  it('reports the clicked cell', async () => {
    const onSelect = vi.fn();
    renderMatrix(onSelect);
    await userEvent.click(screen.getByRole('button', { name: /^true 3, answered 8:/ }));
    expect(onSelect).toHaveBeenCalledWith({ trueLabel: 3, predicted: 8 });
  });

  it('moves between cells with arrow keys and selects with Enter, one tab stop in all', async () => {
    const onSelect = vi.fn();
    renderMatrix(onSelect, { trueLabel: 2, predicted: 2 });
    const tabbable = screen.getAllByRole('button').filter((b) => b.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]).toHaveAttribute('aria-pressed', 'true');
    tabbable[0].focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith({ trueLabel: 3, predicted: 4 });
  });
});
