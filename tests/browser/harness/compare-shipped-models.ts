// Ticks both shipped models on the Models place and waits until the comparison draws their curves.
import type { Page } from 'playwright-core';
import { poll } from './poll';

/** The curves drawn in the comparison's charts (recharts' line paths with points). */
export function comparisonLineCount(page: Page): Promise<number> {
  return page.$$eval(
    '.compare-chart .compare-chart__line path.recharts-line-curve',
    (paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 0).length,
  );
}

/**
 * Ticks the reference and the CNN, waits for their 2 accuracy and 4 loss lines (more when saved models are compared
 * too), and scrolls to the comparison (or to `scrollTo`, a selector).
 */
export async function compareShippedModels(
  page: Page,
  timeoutMs = 30_000,
  scrollTo = '#models-compare-title',
): Promise<void> {
  const shipped = page.getByTestId('shipped-models');
  await shipped.waitFor({ timeout: timeoutMs });
  for (const name of [/^Reference/, /^Convolutional/]) {
    await shipped.getByRole('listitem', { name }).getByRole('checkbox', { name: 'Compare' }).check();
  }
  await poll(
    () => comparisonLineCount(page),
    (n) => n >= 6,
    timeoutMs,
    'the curves of both shipped models',
  );
  // Below the sticky header, not under it.
  await page.locator(scrollTo).evaluate((heading) => {
    const header = document.querySelector('.app-header');
    const top = heading.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - (header?.getBoundingClientRect().height ?? 0) - 16);
  });
}
