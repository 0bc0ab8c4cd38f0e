// @vitest-environment jsdom
// The phone's answer strip: the digit, how sure, and the two next likeliest digits, or why there is no answer yet.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rankDigits } from '../../../src/components/draw/ranked-digits';
import { ReadingStrip } from '../../../src/components/draw/ReadingStrip';

const SEVEN = Float32Array.from([0.001, 0.002, 0.01, 0.005, 0.002, 0.001, 0.001, 0.968, 0.006, 0.004]);

afterEach(cleanup);

describe('rankDigits', () => {
  it('orders digits from most to least likely, the smaller digit first on a tie', () => {
    expect(rankDigits(SEVEN).map((r) => r.digit)).toEqual([7, 2, 8, 3, 9, 1, 4, 0, 5, 6]);
    expect(rankDigits([0.25, 0, 0.25, 0, 0, 0, 0, 0, 0.5, 0]).map((r) => r.digit)).toEqual([
      8, 0, 2, 1, 3, 4, 5, 6, 7, 9,
    ]);
  });
});

describe('ReadingStrip', () => {
  it('shows the answer, how sure, and the next two digits with their chances', () => {
    render(<ReadingStrip ranked={rankDigits(SEVEN)} status={null} hasInput />);
    const strip = screen.getByTestId('reading-strip');
    expect(strip.querySelector('.reading-strip__digit')?.textContent).toBe('7');
    expect(strip.textContent).toContain('97% sure');
    const alternatives = [...strip.querySelectorAll('.reading-strip__alternative')].map((e) => e.textContent);
    expect(alternatives).toEqual(['2 1%', '8 1%']);
  });

  it('writes "<1%" for a chance that rounds to nothing but is not zero', () => {
    const sure = Float32Array.from([0, 0.003, 0, 0, 0, 0, 0, 0.997, 0, 0]);
    render(<ReadingStrip ranked={rankDigits(sure)} status={null} hasInput />);
    const alternatives = [...document.querySelectorAll('.reading-strip__alternative')].map(
      (e) => e.textContent,
    );
    expect(alternatives).toEqual(['1 <1%', '0 0%']);
  });

  it('asks for a digit on an empty pad, and says why while a model loads', () => {
    const { rerender } = render(<ReadingStrip ranked={null} status={null} hasInput={false} />);
    expect(screen.getByTestId('reading-strip').textContent).toBe('?The network readsDraw a digit');
    rerender(<ReadingStrip ranked={null} status="Loading the default model…" hasInput />);
    expect(screen.getByTestId('reading-strip').textContent).toContain('Loading the default model…');
    expect(document.querySelector('.reading-strip__alternatives')).toBeNull();
  });
});
