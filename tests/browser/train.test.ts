// Training in the built app in Chromium: the reference preset learns within one epoch with live charts; Pause
// freezes progress and Resume continues; a learning rate of 50 ends in the divergence message with a usable model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  poll,
  pressAndAwaitStatus,
  probabilityBars,
  samplesPerSecond,
  trainingStatus,
  waitForDatasetReady,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS } from './draw-strokes';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function testAccuracy(page: Page): Promise<number | null> {
  return page
    .getByTestId('test-accuracy')
    .textContent()
    .then((text) => {
      const match = /Test accuracy (\d+(?:\.\d+)?)%/.exec(text ?? '');
      return match ? Number(match[1]) : null;
    });
}

async function progressText(page: Page): Promise<string> {
  return (await page.getByTestId('training-progress').textContent()) ?? '';
}

/** Points drawn by the chart lines (M/L commands of every curve's path, earlier runs' and the live one's). */
async function chartPoints(page: Page): Promise<number> {
  return page.$$eval('.metric-chart__line', (paths) =>
    paths.reduce(
      (sum, p) => sum + (p.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim()).length,
      0,
    ),
  );
}

describe('Train in the browser', () => {
  it('trains the reference preset live, pauses and resumes, and recovers from a learning rate of 50', async () => {
    const app = await openApp(browser, server, '#/train', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      // Long main-thread tasks while training: a figure for the note, not an assertion.
      await page.evaluate(() => {
        const w = window as unknown as { longestTaskMs: number };
        w.longestTaskMs = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
        }).observe({ type: 'longtask' });
      });
      await expect(page.getByLabel('Preset').inputValue()).resolves.toBe('reference');
      const start = page.getByRole('button', { name: 'Start' });
      await start.click();
      const startedMs = Date.now();
      await poll(
        () => trainingStatus(page),
        (s) => s === 'running',
        10_000,
        'running',
      );

      // Checked as soon as both show: a fast engine finishes an epoch in a few seconds.
      const [above90] = await poll(
        async () => [await testAccuracy(page), await chartPoints(page)] as const,
        ([accuracy, points]) => accuracy !== null && accuracy > 90 && points > 5,
        300_000,
        'test accuracy > 90% and chart points',
      );
      const above90Ms = Date.now() - startedMs;
      const progress = await progressText(page);
      expect(progress).toMatch(/^Epoch 1 of 20/);

      await page.waitForTimeout(1500);
      await page.evaluate(() => document.getElementById('training-title')?.scrollIntoView());
      await page.screenshot({ path: join(tmpdir(), 'digit-lab-train-1280x800.png'), fullPage: false });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId('training-progress').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(tmpdir(), 'digit-lab-train-360x740.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });

      const speed = samplesPerSecond(progress);
      expect(speed).toBeGreaterThan(0);
      const longestTaskMs = await page.evaluate(
        () => (window as unknown as { longestTaskMs: number }).longestTaskMs,
      );
      console.log(
        `train: test accuracy ${above90}% after ${(above90Ms / 1000).toFixed(1)} s (${progress.split(' · ').slice(0, 2).join(', ')}); ` +
          `${speed} samples/s; longest main-thread task ${longestTaskMs.toFixed(0)} ms`,
      );

      await pressAndAwaitStatus(page, 'Pause', 'paused');
      const pausedAt = await progressText(page);
      await page.waitForTimeout(1500);
      expect(await progressText(page)).toBe(pausedAt);
      await page.getByRole('button', { name: 'Resume' }).click();
      await poll(
        () => progressText(page),
        (text) => text !== pausedAt,
        20_000,
        'progress after Resume',
      );
      expect(await trainingStatus(page)).toBe('running');

      await pressAndAwaitStatus(page, 'Stop', 'stopped');
      await page.getByLabel('Learning rate').fill('50');
      await start.click();
      const notice = page.getByTestId('training-notice');
      await notice.waitFor({ timeout: 120_000 });
      await expect(notice.textContent()).resolves.toMatch(/diverged.*try a smaller one, such as 5\./);
      expect(await trainingStatus(page)).toBe('diverged');
      // The earlier run stays on the charts for comparison.
      await expect(page.getByText(/Run 1: reference momentum lr 0.5/).count()).resolves.toBe(1);

      // The restored weights read a drawing on the Draw page: finite probabilities that sum to 100%.
      await page.getByRole('link', { name: 'Draw' }).click();
      await expect(page.getByLabel('Your trained model').isChecked()).resolves.toBe(true);
      await drawOnPad(page, page.getByTestId('drawing-pad'), DRAWN_DIGITS[0].strokes.slice(0, 1));
      const bars = await probabilityBars(page);
      expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
