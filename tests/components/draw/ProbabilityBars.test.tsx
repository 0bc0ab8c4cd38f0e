// @vitest-environment jsdom
// The ten bars carry their values as text, sum to 100% and mark the most likely digit.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProbabilityBars } from '../../../src/components/draw/ProbabilityBars';

const probabilities = Float32Array.from([
  0.001, 0.002, 0.01, 0.005, 0.002, 0.001, 0.001, 0.968, 0.006, 0.004,
]);

afterEach(cleanup);

describe('ProbabilityBars', () => {
  it('shows ten bars with their percentages as text, summing to 100%', () => {
    render(<ProbabilityBars probabilities={probabilities} />);
    const meters = screen.getAllByRole('meter');
    expect(meters).toHaveLength(10);
    const items = screen.getAllByRole('listitem');
    const texts = items.map((item) => item.querySelector('.bar__value')!.textContent!);
    expect(texts[7]).toBe('96.8%');
    expect(texts.reduce((a, t) => a + Number.parseFloat(t), 0)).toBeCloseTo(100, 6);
    expect(meters[7]).toHaveAttribute('aria-valuenow', '96.8');
    expect(meters[7]).toHaveAttribute('aria-valuetext', '7: 96.8%');
  });

  it('highlights the most likely digit', () => {
    render(<ProbabilityBars probabilities={probabilities} />);
    const items = screen.getAllByRole('listitem');
    expect(items[7]).toHaveClass('bar--top');
    expect(items.filter((i) => i.classList.contains('bar--top'))).toHaveLength(1);
  });

  it('shows empty bars without a prediction', () => {
    render(<ProbabilityBars probabilities={null} />);
    const list = screen.getByRole('list', { name: 'Probability of each digit' });
    expect(within(list).getAllByText('–')).toHaveLength(10);
    expect(screen.getAllByRole('meter')[0]).toHaveAttribute('aria-valuetext', '0: no prediction');
  });
});
