// Several training workers in the built app in Chromium: on a cross-origin isolated page two workers (the
// training worker and a nested helper sharing its memory) train the reference network and learn; on a page
// without COOP/COEP the Workers control says why there is one, and one worker trains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openApp,
  poll,
  pressAndAwaitStatus,
  startStaticServer,
  unexpectedErrors,
  waitForDatasetReady,
  type StaticServer,
} from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function badge(page: Page): Promise<string> {
  return (await page.getByTestId('engine-badge').textContent()) ?? '';
}

async function testAccuracy(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('test-accuracy').textContent()) ?? '';
  const match = /Test accuracy (\d+(?:\.\d+)?)%/.exec(text);
  return match ? Number(match[1]) : null;
}

describe('Training on several workers', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('trains the reference network on two workers that share memory, and it learns', async () => {
    const app = await openApp(browser, server, '#/train', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const helpersStarted: string[] = [];
    page.on('worker', (worker) => {
      if (worker.url().includes('shard-helper')) helpersStarted.push(worker.url());
    });
    try {
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      await waitForDatasetReady(page);
      const workers = page.getByLabel('Workers');
      await poll(
        () => workers.isEnabled(),
        (enabled) => enabled,
        20_000,
        'the Workers control enabled',
      );
      await workers.selectOption('2');
      await page.getByRole('button', { name: 'Start' }).click();
      const [accuracy] = await poll(
        async () => [await testAccuracy(page), await badge(page)] as const,
        ([value, text]) => value !== null && value > 90 && /2 workers/.test(text),
        300_000,
        'test accuracy > 90% on 2 workers',
      );
      console.log(`workers: 2 workers reached ${accuracy}% test accuracy; badge "${await badge(page)}"`);
      // The badge reads the run's own count: 2 only when the helper started and shares the memory.
      await pressAndAwaitStatus(page, 'Pause', 'paused');
      await pressAndAwaitStatus(page, 'Resume', 'running');
      await pressAndAwaitStatus(page, 'Stop', 'stopped');
      expect(await testAccuracy(page)).toBeGreaterThan(90);
      // A second run trains on the helper the first one started (kept by the pool), not on a new one.
      await pressAndAwaitStatus(page, 'Start', 'running', 20_000);
      await poll(
        () => badge(page),
        (text) => /2 workers/.test(text),
        20_000,
        'the second run on 2 workers',
      );
      await pressAndAwaitStatus(page, 'Stop', 'stopped');
      expect(helpersStarted).toHaveLength(1);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('A page that is not cross-origin isolated', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ coopCoep: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('offers one worker, says why, and trains on it', async () => {
    const app = await openApp(browser, server, '#/train', { viewport: { width: 360, height: 740 } });
    const { page } = app;
    try {
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
      await waitForDatasetReady(page);
      await expect(
        page
          .getByText(/not cross-origin isolated/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByLabel('Workers').isDisabled()).resolves.toBe(true);
      await pressAndAwaitStatus(page, 'Start', 'running', 20_000);
      await poll(
        () => badge(page),
        (text) => /1 worker\b/.test(text),
        20_000,
        'badge with 1 worker',
      );
      await pressAndAwaitStatus(page, 'Stop', 'stopped');
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
