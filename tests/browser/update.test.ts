// A new deployment: the page offers to reload into it and never reloads by itself, nor while a run trains;
// accepting the offer reloads into the new build.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  makeNextBuild,
  openApp,
  poll,
  pressAndAwaitStatus,
  startStaticServer,
  trainingStatus,
  unexpectedErrors,
  waitForDatasetReady,
  waitForServiceWorkerControl,
  type NextBuild,
  type StaticServer,
} from './harness';
import { DIST_DIR } from './harness/paths';
import { DRAWN_DIGITS } from './draw-strokes';

let browser: Browser;
let server: StaticServer;
let buildB: NextBuild;

beforeAll(async () => {
  buildB = makeNextBuild('B');
  server = await startStaticServer();
  browser = await launchBrowser();
});

beforeEach(() => {
  server.setRoot(DIST_DIR);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  buildB?.remove();
});

/** The build the page runs: "B" for the new deployment, null for the first. */
function buildId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="digit-lab-build"]')?.getAttribute('content') ?? null,
  );
}

/** Marks the current document; a reload (by the app or anyone) loses the mark. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}

function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
}

async function installFirstBuild(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/draw'));
  await drawOnPad(page, page.getByTestId('drawing-pad'), DRAWN_DIGITS[0].strokes);
  await page.getByTestId('top-digit').filter({ hasText: '1' }).waitFor({ timeout: 60_000 });
  await waitForServiceWorkerControl(page);
  expect(await buildId(page)).toBeNull();
}

const OFFER = /A new version of Digit Lab is ready/;

describe('A new deployment', () => {
  it('is offered after a reload, waits for the click, and the click reloads into it', async () => {
    const app = await openApp(browser, server, '#/draw');
    const { page } = app;
    try {
      await installFirstBuild(page);
      // A visitor who only draws downloads no MNIST file, service worker or not.
      expect(server.requests.filter((r) => r.path.endsWith('.idx.gz'))).toEqual([]);
      server.setRoot(buildB.root);
      // The reload checks for a new service worker; the page itself still comes from the first build's cache.
      await page.reload();
      await page.locator('.app-header').waitFor();
      expect(await buildId(page)).toBeNull();
      await markDocument(page);
      const banner = page.getByTestId('update-banner');
      await banner.filter({ hasText: OFFER }).waitFor({ timeout: 60_000 });
      const reload = banner.getByRole('button', { name: 'Reload' });
      await reload.waitFor();
      // Left alone, the page stays as it is.
      await page.waitForTimeout(3_000);
      expect(await sameDocument(page)).toBe(true);
      expect(await buildId(page)).toBeNull();

      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), reload.click()]);
      await page.locator('.app-header').waitFor();
      expect(await sameDocument(page)).toBe(false);
      expect(await buildId(page)).toBe('B');
      await expect(banner.textContent()).resolves.toBe('');
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('does not reload while a run trains: the offer waits for training to stop', async () => {
    const app = await openApp(browser, server, '#/train');
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      await installFirstBuild(page);
      await page.evaluate(() => (window.location.hash = '#/train'));
      // A run long enough to still be training when the new build arrives.
      await page.getByLabel('Epochs', { exact: true }).fill('200');
      await pressAndAwaitStatus(page, 'Start', 'running', 30_000);
      await markDocument(page);

      server.setRoot(buildB.root);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration!.update();
      });
      const banner = page.getByTestId('update-banner');
      await banner
        .filter({ hasText: /Reload will be offered when training stops/ })
        .waitFor({ timeout: 60_000 });
      expect(await banner.getByRole('button', { name: 'Reload' }).count()).toBe(0);
      await page.waitForTimeout(3_000);
      expect(await trainingStatus(page)).toBe('running');
      expect(await sameDocument(page)).toBe(true);

      await pressAndAwaitStatus(page, 'Stop', 'stopped', 30_000);
      const reload = banner.getByRole('button', { name: 'Reload' });
      await reload.waitFor({ timeout: 10_000 });
      // Stopping is not accepting: the page still waits for the click.
      await page.waitForTimeout(2_000);
      expect(await sameDocument(page)).toBe(true);
      expect(await buildId(page)).toBeNull();

      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), reload.click()]);
      await page.locator('.app-header').waitFor();
      expect(await buildId(page)).toBe('B');
      await poll(
        () => sameDocument(page),
        (same) => !same,
        5_000,
        'a fresh document',
      );
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
