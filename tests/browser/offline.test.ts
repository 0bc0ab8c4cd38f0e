// Offline: after one visit that opened Train and drew a digit, the app reloads with its server gone and still
// draws (with either shipped network), trains on two workers (cross-origin isolated from the service worker's headers), inspects and lists models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  listenWithoutAnswering,
  openApp,
  poll,
  pressAndAwaitStatus,
  startStaticServer,
  unexpectedErrors,
  waitForDatasetReady,
  waitForServiceWorkerControl,
  type SilentListener,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS } from './draw-strokes';

let browser: Browser;
let server: StaticServer;
let listener: SilentListener | null = null;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await listener?.close();
  await server?.close();
});

async function goTo(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), route);
}

async function drawAndRead(page: Page, digit = DRAWN_DIGITS[0]): Promise<void> {
  await drawOnPad(page, page.getByTestId('drawing-pad'), digit.strokes);
  await page
    .getByTestId('top-digit')
    .filter({ hasText: String(digit.digit) })
    .waitFor({ timeout: 60_000 });
}

/** Batches done so far, from "Epoch 1 of 3 · batch 120 of 600 · …". */
function batchesDone(text: string): number {
  const match = /Epoch (\d+) of \d+ · batch ([\d,]+) of ([\d,]+)/.exec(text);
  if (!match) return Number.NaN;
  const perEpoch = Number(match[3].replace(/,/g, ''));
  return (Number(match[1]) - 1) * perEpoch + Number(match[2].replace(/,/g, ''));
}

describe('Offline after one visit', () => {
  it('reloads with the server gone and draws, trains on two workers, inspects and lists models', async () => {
    const app = await openApp(browser, server, '#/train', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      // The visit: Train loads MNIST into the app's data cache, then a drawing registers the service worker.
      await waitForDatasetReady(page);
      // Landing registers no service worker: nothing is precached before the first prediction.
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(server.requestsFor('sw.js')).toEqual([]);
      await goTo(page, '#/draw');
      await drawAndRead(page);
      const script = await waitForServiceWorkerControl(page);
      expect(script).toBe(server.url('sw.js'));
      // The MNIST files went to the app's own cache only, never into the service worker's precache.
      const swCached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) {
          if (name === 'digit-lab-data-v1') continue;
          const cache = await caches.open(name);
          urls.push(...(await cache.keys()).map((r) => r.url));
        }
        return urls;
      });
      expect(swCached.some((url) => url.includes('/models/default.dlm'))).toBe(true);
      // The CNN too, though this visit never chose it: offline, either network can read.
      expect(swCached.some((url) => url.includes('/models/cnn.dlm'))).toBe(true);
      expect(swCached.some((url) => url.endsWith('/index.html') || url.includes('/index.html?'))).toBe(true);
      expect(swCached.filter((url) => url.includes('/data/'))).toEqual([]);
      console.log(`offline: the service worker precached ${swCached.length} files`);

      // The server goes away; a listener on its port records whatever the browser still asks and answers nothing.
      const servedBefore = server.requests.length;
      await server.close();
      listener = await listenWithoutAnswering(server.port);

      const navigation = await page.reload();
      await page.locator('.app-header').waitFor({ timeout: 60_000 });
      // The page came from the service worker, with the headers that keep it cross-origin isolated.
      expect(navigation?.fromServiceWorker()).toBe(true);
      expect(await navigation?.headerValue('cross-origin-embedder-policy')).toBe('require-corp');
      expect(await navigation?.headerValue('cross-origin-opener-policy')).toBe('same-origin');
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      await drawAndRead(page, DRAWN_DIGITS[2]);
      // The shipped CNN comes from the precache and reads a drawing with the server gone.
      await page.getByRole('radio', { name: 'Convolutional' }).check();
      await page
        .getByTestId('answered-by')
        .filter({ hasText: 'read by Convolutional' })
        .waitFor({ timeout: 60_000 });
      await page.keyboard.press('Escape');
      await drawAndRead(page, DRAWN_DIGITS[0]);
      await page.getByTestId('answered-by').filter({ hasText: 'read by Convolutional' }).waitFor();

      await goTo(page, '#/train');
      await waitForDatasetReady(page);
      const workers = page.getByLabel('Workers');
      await poll(() => workers.isEnabled(), Boolean, 20_000, 'the Workers control enabled');
      await workers.selectOption('2');
      await pressAndAwaitStatus(page, 'Start', 'running', 30_000);
      await poll(
        () => page.getByTestId('engine-badge').textContent(),
        (text) => /2 workers/.test(text ?? ''),
        30_000,
        'training on 2 workers',
      );
      const progress = page.getByTestId('training-progress');
      const first = batchesDone((await progress.textContent()) ?? '');
      await poll(
        async () => batchesDone((await progress.textContent()) ?? ''),
        (n) => n > (Number.isNaN(first) ? 0 : first) + 50,
        120_000,
        'training progress while offline',
      );
      await pressAndAwaitStatus(page, 'Stop', 'stopped', 30_000);

      await goTo(page, '#/inspect');
      // The confusion matrix runs the model over the 10,000 test digits, read from the app's data cache.
      await page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });

      await goTo(page, '#/models');
      const saved = page.getByTestId('saved-models').getByRole('listitem');
      await poll(
        () => saved.count(),
        (n) => n >= 1,
        20_000,
        'the stopped run among the saved models',
      );

      // Nothing reached the server: the old one saw no new request, and the listener only attempts that
      // cannot be served from a cache by design (the data list is network first; the browser checks sw.js).
      expect(server.requests.length).toBe(servedBefore);
      const asked = listener.requestLines.map((line) => line.split(' ')[1] ?? line);
      console.log(
        `offline: requests that met the dead port: ${JSON.stringify(asked)}; ` +
          `${listener.idleConnections()} connection(s) opened ahead of need sent nothing`,
      );
      const allowed = new Set(['/sub/dir/data/manifest.json', '/sub/dir/sw.js']);
      expect(asked.filter((path) => !allowed.has(path))).toEqual([]);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('A host that sends no COOP/COEP', () => {
  it('serves the page isolated once the service worker controls it, worker scripts included', async () => {
    const plainServer = await startStaticServer({ coopCoep: false });
    const app = await openApp(browser, plainServer, '#/draw');
    const { page } = app;
    try {
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
      await drawAndRead(page);
      await waitForServiceWorkerControl(page);
      const navigation = await page.reload();
      await page.locator('.app-header').waitFor();
      expect(navigation?.fromServiceWorker()).toBe(true);
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      // The worker scripts come through the service worker too, so the isolated page can start them.
      await drawAndRead(page, DRAWN_DIGITS[2]);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
      await plainServer.close();
    }
  });
});
