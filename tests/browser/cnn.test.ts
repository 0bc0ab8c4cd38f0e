// A CNN in Chromium: a layer list that cannot work is refused in the form; the CNN preset trains in the worker on
// the WebAssembly kernels; the trained CNN reads a drawing, Inspect measures it with a note for the views it
// cannot draw, and Models lists it by its layer list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DRAWN_DIGITS } from './draw-strokes';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  poll,
  pressAndAwaitStatus,
  probabilityBars,
  startStaticServer,
  unexpectedErrors,
  waitForDatasetReady,
  type StaticServer,
} from './harness';

const CNN = 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100';

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

async function testAccuracy(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('test-accuracy').textContent()) ?? '';
  const match = /Test accuracy (\d+(?:\.\d+)?)%/.exec(text);
  return match ? Number(match[1]) : null;
}

describe('A convolutional network in the app', () => {
  it('refuses a list that cannot work, trains the CNN preset, reads a drawing and is measured and listed', async () => {
    const app = await openApp(browser, server, '#/train', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      const layers = page.getByLabel('Hidden layers');
      await layers.fill('conv 8@4x4, pool 2');
      await page.getByText(/even/i).first().waitFor({ timeout: 10_000 });
      await expect(page.getByRole('button', { name: 'Start' }).isDisabled()).resolves.toBe(true);

      await page.getByLabel('Preset').selectOption('cnn');
      await expect(layers.inputValue()).resolves.toBe(CNN);
      await pressAndAwaitStatus(page, 'Start', 'running', 30_000);
      const accuracy = await poll(
        () => testAccuracy(page),
        (value) => value !== null && value > 90,
        240_000,
        'test accuracy above 90%',
      );
      const badge = (await page.getByTestId('engine-badge').textContent()) ?? '';
      expect(badge).toMatch(/WebAssembly SIMD · 1 worker/);
      console.log(`cnn: test accuracy ${accuracy}% mid-run; ${badge}`);
      await pressAndAwaitStatus(page, 'Stop', 'stopped', 30_000);

      await page.getByRole('link', { name: 'Draw' }).click();
      await expect(page.getByLabel('Your trained model').isChecked()).resolves.toBe(true);
      const seven = DRAWN_DIGITS.find((d) => d.digit === 7)!;
      await drawOnPad(page, page.getByTestId('drawing-pad'), seven.strokes);
      const bars = await probabilityBars(page);
      expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);

      await page.getByRole('link', { name: 'Inspect' }).click();
      await page.getByTestId('feature-maps-canvas-0').waitFor({ timeout: 30_000 });
      await page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });
      const summary = (await page.getByTestId('analysis-summary').textContent()) ?? '';
      expect(summary).toMatch(/10,000/);

      await page.getByRole('link', { name: 'Models' }).click();
      await page.getByText(CNN).first().waitFor({ timeout: 30_000 });
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
