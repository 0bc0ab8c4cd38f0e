// The Train place's status line, read and waited for: every training browser test presses a button and waits.
import type { Page } from 'playwright-core';
import { poll } from './poll';

/** 'idle', 'running', 'paused', 'stopped', 'finished', 'diverged' or 'failed', as the page shows it. */
export async function trainingStatus(page: Page): Promise<string> {
  return ((await page.getByTestId('training-status').textContent()) ?? '').replace('Status: ', '');
}

/** Clicks the Train button named `button` and waits until the status reads `expected`. */
export async function pressAndAwaitStatus(
  page: Page,
  button: string,
  expected: string,
  timeoutMs = 10_000,
): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await poll(
    () => trainingStatus(page),
    (s) => s === expected,
    timeoutMs,
    `status "${expected}" after ${button}`,
  );
}
