// The landing page's weight: everything a first visit to #/draw downloads until the first drawn digit is read
// (JavaScript and CSS at most 400 KB, at most 1 MB in all, model, worker and wasm included, never MNIST), and how
// long that takes; then a place whose code fails to download says so and comes back with Try again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  type RequestRecord,
  type StaticServer,
} from './harness';
import { DIST_DIR } from './harness/paths';
import { DRAWN_DIGITS } from './draw-strokes';

/** Decimal kilobytes, as Vite reports chunk sizes. */
const KB = 1000;
const JS_CSS_BUDGET_BYTES = 400 * KB;
const TOTAL_BUDGET_BYTES = 1000 * KB;
const MODEL_PATH = 'models/default.dlm';

interface LandingFigures {
  readonly jsCssBytes: number;
  /** Everything downloaded, the model included. */
  readonly totalBytes: number;
  readonly modelBytes: number;
  readonly firstPredictionMs: number;
  /** The visitor's first stroke began (the pad was on screen) and ended: the prediction can come no sooner. */
  readonly drawingStartedMs: number;
  readonly drawingEndedMs: number;
  readonly requests: readonly RequestRecord[];
}

const isJsOrCss = (path: string) => /\.(m?js|css)$/.test(path);
const isMnist = (path: string) => /^data\/.*\.idx\.gz$/.test(path);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Built chunk files whose name starts with `stem` (e.g. the Models place's code). */
function builtChunks(stem: string): string[] {
  return readdirSync(join(DIST_DIR, 'assets')).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.js'));
}

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

async function measureLanding(
  server: StaticServer,
  viewport: { width: number; height: number },
): Promise<LandingFigures> {
  const firstRequest = server.requests.length;
  const app = await openApp(browser, server, '#/draw', {
    viewport,
    // Before any page script: the moment the first digit shows, by the page's own clock (0 = navigation start).
    initScript: () => {
      const landing = { firstPredictionAt: -1, timeOrigin: performance.timeOrigin };
      Object.assign(window, { __landing: landing });
      new MutationObserver((_, observer) => {
        const top = document.querySelector('[data-testid="top-digit"]');
        if (top && /^\d$/.test(top.textContent ?? '')) {
          landing.firstPredictionAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
  });
  try {
    const { page } = app;
    const one = DRAWN_DIGITS.find((d) => d.digit === 1)!;
    // Drawn as soon as the pad is there, as a visitor would: the model may still be on its way.
    await page.getByTestId('drawing-pad').waitFor();
    const drawingStartedMs = await page.evaluate(() => performance.now());
    await drawOnPad(page, page.getByTestId('drawing-pad'), one.strokes);
    const drawingEndedMs = await page.evaluate(() => performance.now());
    await page.getByTestId('top-digit').filter({ hasText: '1' }).waitFor({ timeout: 60_000 });
    const landing = await page.evaluate(
      () => (window as unknown as { __landing: { firstPredictionAt: number; timeOrigin: number } }).__landing,
    );
    expect(landing.firstPredictionAt).toBeGreaterThan(0);
    const predictionAt = landing.timeOrigin + landing.firstPredictionAt;
    const requests = server.requests.slice(firstRequest).filter((r) => r.receivedAt <= predictionAt);
    const modelBytes = requests.filter((r) => r.path === MODEL_PATH).reduce((sum, r) => sum + r.bodyBytes, 0);
    expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    return {
      jsCssBytes: requests.filter((r) => isJsOrCss(r.path)).reduce((sum, r) => sum + r.bodyBytes, 0),
      totalBytes: requests.reduce((sum, r) => sum + r.bodyBytes, 0),
      modelBytes,
      firstPredictionMs: landing.firstPredictionAt,
      drawingStartedMs,
      drawingEndedMs,
      requests,
    };
  } finally {
    await app.close();
  }
}

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])('Landing on #/draw at $width x $height', (viewport) => {
  it('downloads at most 400 KB of JS and CSS and 1 MB in all until the first prediction, and no MNIST', async () => {
    // A server of its own: an earlier visit's service worker, still precaching in the background, cannot
    // reach this origin, so every request it logs is this visit's.
    const own = await startStaticServer();
    try {
      await checkLanding(own, viewport);
    } finally {
      await own.close();
    }
  });
});

async function checkLanding(
  server: StaticServer,
  viewport: { width: number; height: number },
): Promise<void> {
  const before = server.requests.length;
  const figures = await measureLanding(server, viewport);
  const listing = figures.requests.map((r) => `${r.path || 'index.html'} ${kb(r.bodyBytes)}`).join(', ');
  console.log(
    `landing ${viewport.width}x${viewport.height}: js+css ${kb(figures.jsCssBytes)}, total ${kb(figures.totalBytes)}` +
      ` (model ${kb(figures.modelBytes)})` +
      `, first prediction ${Math.round(figures.firstPredictionMs)} ms` +
      ` (drawing from ${Math.round(figures.drawingStartedMs)} to ${Math.round(figures.drawingEndedMs)} ms)` +
      `\n  ${listing}`,
  );

  // The prediction came from the shipped model, which was downloaded in the window measured.
  expect(figures.modelBytes).toBeGreaterThan(100 * KB);
  expect(figures.jsCssBytes, listing).toBeLessThanOrEqual(JS_CSS_BUDGET_BYTES);
  expect(figures.totalBytes, listing).toBeLessThanOrEqual(TOTAL_BUDGET_BYTES);
  // Nothing of the other places: their chunks exist in the build, and none was fetched.
  for (const stem of ['TrainPage', 'InspectPage', 'ModelsPage']) {
    const chunks = builtChunks(stem);
    expect(chunks, `dist/assets/${stem}-*.js`).toHaveLength(1);
    expect(figures.requests.map((r) => r.path)).not.toContain(`assets/${chunks[0]}`);
  }
  // MNIST is for Train and Inspect: not a byte of it, during the landing or after.
  expect(server.requests.slice(before).filter((r) => isMnist(r.path))).toEqual([]);
}

describe('A place whose code does not arrive', () => {
  it('says so with Try again, which downloads it again and shows the place', async () => {
    const [modelsChunk] = builtChunks('ModelsPage');
    server.setFault(`assets/${modelsChunk}`, 'fail500');
    const app = await openApp(browser, server, '#/models');
    try {
      const { page } = app;
      const alert = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
      await alert.waitFor({ timeout: 60_000 });
      await expect(alert.textContent()).resolves.toContain('The Models page could not be downloaded.');
      expect(server.requestsFor(`assets/${modelsChunk}`).at(-1)?.status).toBe(500);

      server.setFault(`assets/${modelsChunk}`, null);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor({ timeout: 60_000 });
      await expect(alert.count()).resolves.toBe(0);
      expect(server.requestsFor(`assets/${modelsChunk}`).at(-1)?.status).toBe(200);
    } finally {
      server.setFault(`assets/${modelsChunk}`, null);
      await app.close();
    }
  });
});
