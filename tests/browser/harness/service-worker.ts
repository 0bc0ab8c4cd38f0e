// Waits for the app's service worker: installed (precache filled), active, and controlling the page.
import type { Page } from 'playwright-core';

/** Resolves once the page is controlled by an activated service worker; returns its script URL. */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 120_000): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
    timeout: timeoutMs,
    polling: 250,
  });
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}
