// Models in Chromium: a browser that allows no storage says so on the Train place too; a briefly trained network
// and its charts survive a reload (IndexedDB checkpoints); a corrupt file gets its precise message with the model
// untouched; and the Models place at desktop and phone sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  poll,
  pressAndAwaitStatus,
  trainingStatus,
  waitForDatasetReady,
  type StaticServer,
} from './harness';

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

/** Points drawn by the chart lines (M/L commands of every curve's path, earlier runs' and the live one's). */
const chartPoints = (page: Page) =>
  page.$$eval('.metric-chart__line', (paths) =>
    paths.reduce(
      (sum, p) => sum + (p.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim()).length,
      0,
    ),
  );

/** A browser that refuses this site any storage (as some private modes do): IndexedDB.open throws. */
function refuseStorage(): void {
  Object.defineProperty(window, 'indexedDB', {
    get: () => ({
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    }),
  });
}

describe('A browser that allows no storage', () => {
  it('says so on the Train place, where runs would otherwise seem saved, and still trains', async () => {
    const app = await openApp(browser, server, '#/train', { initScript: refuseStorage });
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      const notice = page.getByTestId('train-storage-error');
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.textContent()).toMatch(/does not allow saving here.*export the model from Models/);
      await pressAndAwaitStatus(page, 'Start', 'running', 20_000);
      await pressAndAwaitStatus(page, 'Stop', 'stopped');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await poll(
        () => notice.count(),
        (count) => count === 0,
        5_000,
        'the notice dismissed',
      );
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('Models in the browser', () => {
  it('keeps a trained model and its charts across a reload, and explains a corrupt file', async () => {
    // A shared link carries the whole setup: a small Adam network, one epoch, seed 5.
    const link =
      '#/train?hidden=32&opt=adam&lr=0.001&beta1=0.9&beta2=0.999&eps=1e-8&batch=128&epochs=1&l2=0&seed=5';
    const app = await openApp(browser, server, link, { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      expect(await page.getByLabel('Hidden layers', { exact: true }).inputValue()).toMatch(/^32$/);
      expect(await page.getByLabel('Epochs', { exact: true }).inputValue()).toBe('1');
      expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('5');
      await page.getByRole('button', { name: 'Start' }).click();
      await poll(
        () => trainingStatus(page),
        (s) => s === 'finished',
        180_000,
        'the one-epoch run to finish',
      );
      // The charts redraw at most a few times a second, so the last points may land just after the status.
      await poll(
        () => chartPoints(page),
        (n) => n > 5,
        10_000,
        'the charts of the finished run',
      );

      await page.goto(server.url('#/models'));
      const saved = page.getByTestId('saved-models').getByRole('listitem');
      await poll(
        () => saved.count(),
        (n) => n === 1,
        10_000,
        'one saved model',
      );
      await expect(saved.first().textContent()).resolves.toMatch(
        /784-32-10 adam · .*784-32-10.*finished run, 1 epoch/,
      );
      const accuracyText = (await saved.first().textContent()) ?? '';
      const accuracy = Number(/Test accuracy(\d+\.\d+)%/.exec(accuracyText)?.[1]);
      expect(accuracy).toBeGreaterThan(85);

      await page.reload();
      await poll(
        () => page.getByTestId('current-model-name').textContent(),
        (t) => /784-32-10 adam/.test(t ?? ''),
        10_000,
        'the model reopened after the reload',
      );
      await page.goto(server.url('#/train'));
      await poll(
        () => chartPoints(page),
        (n) => n > 5,
        10_000,
        'the charts after the reload',
      );
      await page.screenshot({ path: join(tmpdir(), 'digit-lab-train-after-reload.png'), fullPage: false });
      expect(await page.getByTestId('test-accuracy').textContent()).toMatch(/\d+(\.\d+)?%/);

      await page.goto(server.url('#/models'));
      await page.getByTestId('model-file-input').setInputFiles({
        name: 'broken.npz',
        mimeType: 'application/zip',
        buffer: Buffer.from([
          0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        ]),
      });
      const message = page.getByTestId('model-file-error');
      await message.waitFor();
      expect(await message.textContent()).toMatch(
        /^broken\.npz was not opened: not a valid \.npz archive: the zip structure is broken .* The current model is unchanged\.$/,
      );
      expect(await page.getByTestId('current-model-name').textContent()).toMatch(/784-32-10 adam/);

      await page.screenshot({ path: join(tmpdir(), 'digit-lab-models-1280x800.png'), fullPage: false });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: join(tmpdir(), 'digit-lab-models-360x740.png'), fullPage: true });
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
