// The Draw place's network picker in Chromium: all ten digits, drawn with real pointer strokes, are read right by
// both shipped networks at desktop and phone size; the page says which network answered, downloads only the
// chosen one, remembers the choice over a reload, and falls back to the reference when the CNN cannot be had.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  type StaticServer,
} from './harness';
import { ALL_DIGITS } from './draw-strokes';

const REFERENCE = 'Reference 784-200-100-25-10';
const CNN = 'Convolutional';

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

/** The model files this page load asked for (the service worker's own precache requests are not the page's). */
function pageModelRequests(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/models/'))
      .map((path) => path.slice(path.lastIndexOf('/') + 1)),
  );
}

/** Draws each of the ten digits and expects `network` to read it, with the answer in view. */
async function readAllTen(page: Page, network: string): Promise<void> {
  const top = page.getByTestId('top-digit');
  // Back to the top, as a person drawing would be: a pad half under the sticky header would take no stroke.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const digit of ALL_DIGITS) {
    await drawOnPad(page, page.getByTestId('drawing-pad'), digit.strokes);
    await top
      .filter({ hasText: String(digit.digit) })
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(`${network} read a drawn ${digit.digit} as ${await top.textContent()}`);
      });
    await page
      .getByTestId('answered-by')
      .filter({ hasText: `read by ${network}` })
      .waitFor({ timeout: 30_000 });
    // The phone's strip over the pad shows the same answer while the pad is in view.
    const strip = page.getByTestId('reading-strip');
    if (await strip.isVisible()) {
      await expect(strip.locator('.reading-strip__digit').textContent()).resolves.toBe(String(digit.digit));
    }
    await page.keyboard.press('Escape');
    await top.filter({ hasText: '?' }).waitFor();
  }
}

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])('Draw with either shipped network at $width x $height', (viewport) => {
  it('reads all ten digits with the reference, then with the CNN, and keeps the choice over a reload', async () => {
    const app = await openApp(browser, server, '#/draw', { viewport });
    try {
      const { page } = app;
      await expect(page.getByRole('radio', { name: REFERENCE }).isChecked()).resolves.toBe(true);
      await readAllTen(page, REFERENCE);
      // Keeping the reference, the page never asks for the CNN.
      await expect(pageModelRequests(page)).resolves.toEqual(['default.dlm']);

      await page.getByRole('radio', { name: CNN }).check();
      await readAllTen(page, CNN);
      await expect(pageModelRequests(page)).resolves.toEqual(['default.dlm', 'cnn.dlm']);
      expect(await page.evaluate(() => localStorage.getItem('digit-lab.model'))).toBe('convolutional');

      await page.reload();
      await expect(page.getByRole('radio', { name: CNN }).isChecked()).resolves.toBe(true);
      await readAllTen(page, CNN);
      // Coming back with the CNN chosen, the page asks for the CNN only.
      await expect(pageModelRequests(page)).resolves.toEqual(['cnn.dlm']);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('Draw when the chosen CNN cannot be downloaded', () => {
  it('reads with the reference and says so, politely, beside the picker', async () => {
    server.setFault('models/cnn.dlm', 'fail500');
    const app = await openApp(browser, server, '#/draw', {
      viewport: { width: 390, height: 844 },
      initScript: () => localStorage.setItem('digit-lab.model', 'convolutional'),
    });
    try {
      const { page } = app;
      const notice = page.getByTestId('model-notice');
      await notice.filter({ hasText: 'could not be downloaded' }).waitFor({ timeout: 30_000 });
      await expect(notice.textContent()).resolves.toBe(
        `Sorry, the ${CNN} network could not be downloaded (HTTP 500), so the ${REFERENCE} network reads your drawing instead. Choose ${CNN} again to retry.`,
      );
      await notice.scrollIntoViewIfNeeded();
      await expect(notice.isVisible()).resolves.toBe(true);
      await expect(page.getByRole('radio', { name: REFERENCE }).isChecked()).resolves.toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      await drawOnPad(page, page.getByTestId('drawing-pad'), ALL_DIGITS[3].strokes);
      await page
        .getByTestId('answered-by')
        .filter({ hasText: `read by ${REFERENCE}` })
        .waitFor();
      await expect(page.getByTestId('top-digit').textContent()).resolves.toBe('3');
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
    } finally {
      server.clearFaults();
      await app.close();
    }
  });
});
