// Launches Debian's Chromium through playwright-core and opens the app in a fresh context, collecting errors.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StaticServer } from './static-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium; playwright gives each launch its own fresh temporary user-data dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenAppOptions {
  readonly viewport?: { width: number; height: number };
  /** Runs in the page before any of its scripts (a fault to inject, such as storage the browser refuses). */
  readonly initScript?: () => void;
}

export interface OpenedApp {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught page errors, in order ("pageerror: …" for the latter). */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens server.url(route) in a new browser context (its own cache, storage and Cache API: nothing leaks
 * between tests) and waits for the app's header to render.
 */
export async function openApp(
  browser: Browser,
  server: StaticServer,
  route = '#/draw',
  options: OpenAppOptions = {},
): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.goto(server.url(route));
  await page.locator('.app-header').waitFor();
  return { page, context, consoleErrors, close: () => context.close() };
}

/** Console errors other than the browser's own "Failed to load resource" lines that an injected fault causes. */
export function unexpectedErrors(consoleErrors: readonly string[]): string[] {
  return consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));
}

/** Waits until the header says the requested MNIST splits are loaded (or throws with the shown error). */
export async function waitForDatasetReady(page: Page, timeoutMs = 120_000): Promise<void> {
  const status = page.getByTestId('dataset-header-status');
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="dataset-header-status"]');
      return el !== null && /ready|failed/.test(el.textContent ?? '');
    },
    undefined,
    { timeout: timeoutMs },
  );
  const text = (await status.textContent()) ?? '';
  if (!text.includes('ready')) {
    const detail = await status.locator('[title]').getAttribute('title');
    throw new Error(`MNIST failed to load in the browser: ${detail ?? text}`);
  }
}
