// On a phone: the answer stays in view while drawing (no scrolling, the pad still large), and Inspect's sections
// are one tap away from a sticky row of links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  drawOnPad,
  poll,
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS } from './draw-strokes';

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

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];

describe.each(PHONES)('Draw on a $width x $height phone', (viewport) => {
  it('shows the digit read, how sure and the next likeliest digits while drawing, without scrolling', async () => {
    const app = await openApp(browser, server, '#/draw', { viewport });
    try {
      const { page } = app;
      const scrollBefore = await page.evaluate(() => window.scrollY);
      const seven = DRAWN_DIGITS.find((d) => d.digit === 7)!;
      // drawOnPad scrolls the pad into view first if it is not: a pad that does not fit moves scrollY.
      await drawOnPad(page, page.getByTestId('drawing-pad'), seven.strokes);
      const strip = page.getByTestId('reading-strip');
      await strip.locator('.reading-strip__digit').filter({ hasText: /^7$/ }).waitFor({ timeout: 30_000 });
      await expect(strip.textContent()).resolves.toMatch(/\d+% sure/);
      await expect(strip.locator('.reading-strip__alternative').allTextContents()).resolves.toEqual([
        expect.stringMatching(/^\d (<1|\d+)%$/),
        expect.stringMatching(/^\d (<1|\d+)%$/),
      ]);
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

      const box = (await strip.boundingBox())!;
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(box.height).toBeGreaterThan(30);
      expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

      const pad = (await page.getByTestId('drawing-pad').boundingBox())!;
      expect(pad.width).toBeGreaterThanOrEqual(0.6 * viewport.width);
      expect(pad.y).toBeGreaterThanOrEqual(header.y + header.height);
      expect(pad.y + pad.height).toBeLessThanOrEqual(viewport.height);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('Inspect on a 390 x 844 phone', () => {
  it('jumps to each section from a sticky row of links, with focus on its heading and the route kept', async () => {
    const viewport = { width: 390, height: 844 };
    const app = await openApp(browser, server, '#/inspect', { viewport });
    try {
      const { page } = app;
      const nav = page.getByRole('navigation', { name: 'Inspect sections' });
      const links = nav.getByRole('button');
      // Inspect is fetched on first visit: its links appear when its chunk has loaded.
      await links.first().waitFor({ timeout: 30_000 });
      const names = await links.allTextContents();
      expect(names).toEqual(['Digit', 'Layers', 'Weights', 'Analysis', 'How it works', 'Browse digits']);
      const header = (await page.locator('.app-header').boundingBox())!;
      const headerBottom = header.y + header.height;
      // From the last section (far below the first screen) back to the first: every jump scrolls.
      for (const name of [...names].reverse()) {
        await links.filter({ hasText: new RegExp(`^${name}$`) }).click();
        const headingId = await poll(
          () => page.evaluate(() => document.activeElement?.id ?? ''),
          (id) => id.endsWith('-title'),
          10_000,
          `focus on the ${name} section's heading`,
        );
        const heading = page.locator(`#${headingId}`);
        // The smooth scroll settles with the heading just under the sticky row, inside the viewport.
        const box = await poll(
          async () => (await heading.boundingBox())!,
          (b) => {
            const navBottom = headerBottom + 49;
            return b.y >= navBottom - 1 && b.y + b.height <= viewport.height;
          },
          10_000,
          `the ${name} heading in view below the section links`,
        );
        const navBox = (await nav.boundingBox())!;
        expect(navBox.y).toBeGreaterThanOrEqual(headerBottom - 1);
        expect(box.y).toBeGreaterThanOrEqual(navBox.y + navBox.height);
        expect(page.url()).toMatch(/#\/inspect$/);
      }
      // The row scrolls sideways rather than widening the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
