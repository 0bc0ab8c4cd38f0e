// The Inspect place in Chromium: drawn digits drive the activation grids, the default model's confusion matrix
// covers all 10,000 test digits, a cell opens exactly its digits, and a gallery digit opens in the inspector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  startStaticServer,
  type OpenedApp,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS, type DrawnDigit } from './draw-strokes';

let browser: Browser;
let server: StaticServer;
let app: OpenedApp;

beforeAll(async () => {
  // INSPECT_DIST_ROOT serves another build folder (with DIGIT_LAB_SKIP_BUILD=1) while dist/ is busy.
  server = await startStaticServer({ root: process.env.INSPECT_DIST_ROOT });
  browser = await launchBrowser();
  app = await openApp(browser, server, '#/inspect');
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await server?.close();
});

async function draw(page: Page, digit: DrawnDigit): Promise<void> {
  await drawOnPad(page, page.locator('[data-testid="inspect-sketch"] canvas'), digit.strokes);
}

/** Every activation grid's pixels, joined: a fingerprint of what the grids show. */
function activationPixels(page: Page): Promise<string> {
  return page.$$eval('[data-testid^="activation-grid-"]', (canvases) =>
    (canvases as HTMLCanvasElement[])
      .map((c) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(','))
      .join('|'),
  );
}

async function sourceText(page: Page): Promise<string> {
  return (await page.getByTestId('inspect-source').textContent()) ?? '';
}

/** Reads the confusion matrix's 100 cell counts from the page, row-major. */
function confusionCounts(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="confusion-matrix"] [data-cell]', (cells) =>
    cells.map((cell) => Number(cell.textContent)),
  );
}

describe('Inspect place', () => {
  it("shows the default model's confusion matrix over exactly 10,000 test digits", async () => {
    const page = app.page;
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });
    const counts = await confusionCounts(page);
    expect(counts).toHaveLength(100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    const diagonal = counts.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
    // A shipped model worth the name reads most test digits right, and the summary agrees with the matrix.
    expect(diagonal).toBeGreaterThan(9_000);
    const summary = (await page.getByTestId('analysis-summary').textContent()) ?? '';
    expect(summary).toContain(`${(diagonal / 100).toFixed(2)}%`);
    expect(summary).toContain(`${(10_000 - diagonal).toLocaleString('en')} of 10,000`);
  });

  it('draws activation grids for a drawn digit and changes them for a second one', async () => {
    const page = app.page;
    await draw(page, DRAWN_DIGITS[0]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="inspect-source"]')?.textContent?.startsWith('Your drawing'),
      undefined,
      { timeout: 30_000 },
    );
    await expect.poll(() => page.locator('[data-testid^="activation-grid-"]').count()).toBe(3);
    // Let the latest frame's answer arrive before taking the fingerprint.
    await page.waitForTimeout(500);
    const first = await activationPixels(page);
    const firstSource = await sourceText(page);
    expect(first.length).toBeGreaterThan(0);

    await page.locator('[data-testid="inspect-sketch"]').getByRole('button', { name: 'Clear' }).click();
    await draw(page, DRAWN_DIGITS[1]);
    await expect.poll(() => activationPixels(page), { timeout: 30_000 }).not.toBe(first);
    await expect.poll(() => sourceText(page), { timeout: 30_000 }).not.toBe(firstSource);
    expect(await sourceText(page)).toMatch(/^Your drawing · read as \d/);
  });

  it('opens exactly the digits of an off-diagonal cell, and a gallery digit in the inspector', async () => {
    const page = app.page;
    const counts = await confusionCounts(page);
    // The largest mistakes cell that fits one gallery page (60), so every digit is on the page at once.
    let cell = -1;
    for (let i = 0; i < 100; i++) {
      if (i % 11 !== 0 && counts[i] > 0 && counts[i] <= 60 && (cell < 0 || counts[i] > counts[cell]))
        cell = i;
    }
    expect(cell).toBeGreaterThanOrEqual(0);
    const [trueLabel, predicted] = [Math.floor(cell / 10), cell % 10];
    await page.locator(`[data-cell="${trueLabel}-${predicted}"]`).click();
    const gallery = page.getByTestId('digit-gallery');
    await expect
      .poll(() => gallery.getByTestId('gallery-digit').count(), { timeout: 30_000 })
      .toBe(counts[cell]);
    await expect(gallery.getByRole('heading').textContent()).resolves.toContain(
      `${counts[cell]} test digit${counts[cell] === 1 ? '' : 's'}: true ${trueLabel}, answered ${predicted}`,
    );
    const labels = await gallery
      .getByTestId('gallery-digit')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    for (const label of labels) expect(label).toContain(`true ${trueLabel}, answered ${predicted}`);

    const index = Number(labels[0].match(/Test digit (\d+)/)?.[1]);
    await gallery.getByTestId('gallery-digit').first().click();
    await expect
      .poll(() => sourceText(page), { timeout: 30_000 })
      .toMatch(
        new RegExp(
          `^Test digit #${index.toLocaleString('en')}, labelled ${trueLabel} · read as ${predicted}`,
        ),
      );
    expect(app.consoleErrors).toEqual([]);
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const phone = await openApp(browser, server, '#/inspect', { viewport: { width: 360, height: 740 } });
    try {
      await phone.page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });
      await phone.page.getByTestId('activation-grid-2').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(phone.consoleErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
