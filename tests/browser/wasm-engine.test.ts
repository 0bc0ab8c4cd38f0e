// The built app trains with the WebAssembly SIMD kernels in Chromium: the worker fetches the compiled .wasm
// (served as application/wasm from the app's sub-path), and the engine badge says so with a live speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {} from '../../src/bench/bench-hook';
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

  it('loads the relaxed-SIMD (fused multiply-add) kernels where Chromium validates them, agreeing with TypeScript', async () => {
    const server = await startStaticServer();
    const app = await openApp(browser, server, '?bench#/draw');
    try {
      await app.page.waitForFunction(() => window.__digitLabBench !== undefined, undefined, {
        timeout: 60_000,
      });
      const agreement = await app.page.evaluate(() => window.__digitLabBench!.kernelAgreement());
      console.log(
        `wasm-engine: ${agreement.products} products, worst error ${agreement.worstRatioToTolerance.toFixed(3)} of the tolerance`,
      );
      expect(agreement.products).toBe(20);
      // Within 1e-5 of Σ|a||b| for every output (a fused multiply-add rounds once, not twice).
      expect(agreement.worstRatioToTolerance).toBeLessThanOrEqual(1);
      const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
      expect(wasm.some((r) => /digit-kernels-relaxed-[^/]*\.wasm$/.test(r.path) && r.status === 200)).toBe(
        true,
      );
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
      await server.close();
    }
  });
});
