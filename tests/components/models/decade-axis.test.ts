// The loss chart's logarithmic axis: whole powers of ten that hold every value.
import { describe, expect, it } from 'vitest';
import { decadeAxis } from '../../../src/components/models/decade-axis';

describe('decadeAxis', () => {
  it('spans the powers of ten just around the data', () => {
    expect(decadeAxis(0.0031, 2.4)).toEqual({ domain: [0.001, 10], ticks: [0.001, 0.01, 0.1, 1, 10] });
    expect(decadeAxis(0.02, 0.3)).toEqual({ domain: [0.01, 1], ticks: [0.01, 0.1, 1] });
  });

  it('keeps a value on a power of ten inside, and gives a single value a decade to sit in', () => {
    expect(decadeAxis(0.1, 1)).toEqual({ domain: [0.1, 1], ticks: [0.1, 1] });
    expect(decadeAxis(0.5, 0.5)).toEqual({ domain: [0.1, 1], ticks: [0.1, 1] });
    expect(decadeAxis(1, 1)).toEqual({ domain: [1, 10], ticks: [1, 10] });
  });
});
