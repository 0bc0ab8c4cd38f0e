// The Draw place's ten probability bars, read once a drawing has been predicted: their aria-valuenow values.
import type { Page } from 'playwright-core';
import { poll } from './poll';

/** Waits until the ten bars hold finite values, some above 0, and returns them (percent, in class order). */
export function probabilityBars(page: Page, timeoutMs = 30_000): Promise<number[]> {
  return poll(
    () =>
      page
        .getByRole('meter')
        .evaluateAll((meters) =>
          meters.map((m) => Number.parseFloat(m.getAttribute('aria-valuenow') ?? 'NaN')),
        ),
    (values) => values.length === 10 && values.every(Number.isFinite) && values.some((v) => v > 0),
    timeoutMs,
    'probability bars',
  );
}
