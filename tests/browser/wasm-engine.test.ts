// The built app trains with the WebAssembly SIMD kernels in Chromium: the worker fetches the compiled .wasm
// (served as application/wasm from the app's sub-path), and the engine badge says so with a live speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, startStaticServer, unexpectedErrors, waitForDatasetReady } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('training engine in Chromium', () => {
  it.each([true, false])(
    'trains with WebAssembly SIMD (cross-origin isolated: %s) and shows it with the samples per second',
    async (coopCoep) => {
      const server = await startStaticServer({ coopCoep });
      const app = await openApp(browser, server, '#/train');
      try {
        await waitForDatasetReady(app.page);
        await app.page.getByRole('button', { name: 'Start' }).click();
        const badge = app.page.getByTestId('engine-badge');
        await expect
          .poll(async () => (await badge.count()) > 0 && (await badge.textContent()), { timeout: 60_000 })
          .toMatch(/WebAssembly SIMD · 1 worker · [\d,]+ samples\/s/);
        await app.page.getByRole('button', { name: 'Stop' }).click();

        const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
        expect(wasm.length).toBeGreaterThan(0);
        expect(wasm.every((r) => r.status === 200)).toBe(true);
        expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
      } finally {
        await app.close();
        await server.close();
      }
    },
  );
});
