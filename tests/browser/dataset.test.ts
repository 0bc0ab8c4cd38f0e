// The built app from a sub-path in Chromium: MNIST arrives (with and without Content-Encoding: gzip), is drawn,
// is cached for a reload, is not downloaded by a visitor who only draws, and a broken file shows an error with Retry.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  waitForDatasetReady,
  type OpenedApp,
  type StaticServer,
} from './harness';

let browser: Browser;
const servers: StaticServer[] = [];
const apps: OpenedApp[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await browser?.close();
});

async function serve(options: Parameters<typeof startStaticServer>[0]): Promise<StaticServer> {
  const server = await startStaticServer(options);
  servers.push(server);
  return server;
}

async function open(server: StaticServer, route: string): Promise<OpenedApp> {
  const app = await openApp(browser, server, route);
  apps.push(app);
  return app;
}

/** Per sample canvas: how many of its pixels are ink (dark) and how many paper (light). */
function inkPerCanvas(page: Page) {
  return page.$$eval('[data-testid="dataset-samples"] canvas', (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      let paper = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] < 100) ink++;
        else if (data[i] > 200) paper++;
      }
      return { ink, paper, width: canvas.width, height: canvas.height };
    }),
  );
}

const DATA_FILES = ['train-images', 'train-labels', 'test-images', 'test-labels'].map(
  (n) => `data/${n}.idx.gz`,
);

describe('MNIST in the browser', () => {
  for (const { gzipEncoding, coopCoep } of [
    { gzipEncoding: true, coopCoep: true },
    { gzipEncoding: false, coopCoep: false },
  ]) {
    it(`loads on #/train and draws real digits (Content-Encoding: gzip ${gzipEncoding ? 'on' : 'off'}, COOP/COEP ${coopCoep ? 'on' : 'off'})`, async () => {
      const server = await serve({ gzipEncoding, coopCoep });
      const { page, consoleErrors } = await open(server, '#/train');
      await waitForDatasetReady(page);

      await expect
        .poll(() => page.getByTestId('dataset-counts').textContent())
        .toBe('60,000 training / 10,000 test digits');
      expect(await page.getByTestId('dataset-header-status').textContent()).toContain('MNIST ready');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(coopCoep);

      const canvases = await inkPerCanvas(page);
      expect(canvases).toHaveLength(32);
      for (const c of canvases) {
        expect(c.width * c.height).toBe(784);
        expect(c.ink).toBeGreaterThan(15);
        expect(c.paper).toBeGreaterThan(400);
      }
      const labels = await page.locator('[data-testid="dataset-samples"] figcaption').allTextContents();
      expect(labels.slice(0, 8)).toEqual(['5', '0', '4', '1', '9', '2', '1', '3']);

      for (const path of DATA_FILES) {
        const served = server.requestsFor(path);
        expect(served, path).toHaveLength(1);
        expect(served[0].contentEncoding).toBe(gzipEncoding ? 'gzip' : null);
      }
      expect(consoleErrors).toEqual([]);
    });
  }

  it('serves a reload from the cache without downloading the images again', async () => {
    const server = await serve({});
    const { page } = await open(server, '#/train');
    await waitForDatasetReady(page);
    await page.reload();
    await waitForDatasetReady(page);
    await expect.poll(() => page.getByTestId('dataset-counts').textContent()).toContain('60,000 training');
    expect(server.requestsFor('data/train-images.idx.gz')).toHaveLength(1);
    expect(server.requestsFor('data/test-images.idx.gz')).toHaveLength(1);
  });

  it('downloads no MNIST file for a visitor who only draws', async () => {
    const server = await serve({});
    const { page } = await open(server, '#/draw');
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('dataset-header-status').textContent()).toContain(
      'loads when you open Train',
    );
    expect(server.requests.filter((r) => r.path.endsWith('.idx.gz'))).toEqual([]);
  });

  it('shows a corrupt file as an error with Retry, and Retry loads once the file is fixed', async () => {
    const server = await serve({ faults: { 'data/train-labels.idx.gz': 'corrupt' } });
    const { page, consoleErrors } = await open(server, '#/train');
    const alert = page.getByTestId('dataset-split-train').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /The training labels file does not start with the IDX label magic number 2049/,
    );
    const retry = alert.getByRole('button', { name: 'Retry' });
    expect(await retry.isVisible()).toBe(true);
    const header = page.getByTestId('dataset-header-status');
    expect(await header.textContent()).toContain('MNIST failed to load');
    expect(await header.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);

    server.clearFaults();
    await retry.click();
    await waitForDatasetReady(page);
    await expect
      .poll(() => page.getByTestId('dataset-counts').textContent())
      .toBe('60,000 training / 10,000 test digits');
    expect(await inkPerCanvas(page)).toHaveLength(32);
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
  });

  for (const { fault, message } of [
    { fault: 'fail500', message: /Could not download the training images: the server answered 500/ },
    { fault: 'abort', message: /download of the training images was interrupted/ },
    { fault: 'truncate', message: /download of the training images stopped early: [\d,]+ of [\d,]+ bytes/ },
  ] as const) {
    it(`explains a ${fault} of the training images and offers Retry`, async () => {
      const server = await serve({ faults: { 'data/train-images.idx.gz': fault } });
      const { page, consoleErrors } = await open(server, '#/train');
      const alert = page.getByTestId('dataset-split-train').getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(message);
      expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
      expect(unexpectedErrors(consoleErrors)).toEqual([]);
    });
  }
});
