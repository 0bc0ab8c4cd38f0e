// `npx tsx scripts/screenshots.ts`: screenshots of every place of the built app at 1280x800 and 390x844 into
// docs/screenshots/, as a visitor sees them: a digit drawn, a short 'fast' run trained, its model listed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DRAWN_DIGITS } from '../tests/browser/draw-strokes';
import {
  drawOnPad,
  ensureBuilt,
  launchBrowser,
  openApp,
  poll,
  pressAndAwaitStatus,
  startStaticServer,
  waitForDatasetReady,
} from '../tests/browser/harness';

const OUT_DIR = 'docs/screenshots';
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SEVEN = DRAWN_DIGITS.find((d) => d.digit === 7)!;

async function shoot(page: Page, file: string): Promise<void> {
  await page.waitForTimeout(400);
  const path = `${OUT_DIR}/${file}`;
  await page.screenshot({ path });
  // 256-colour PNGs are a third of the size and look the same for flat UI.
  if (existsSync('/usr/bin/convert'))
    execFileSync('/usr/bin/convert', [path, '-colors', '256', `PNG8:${path}`]);
  console.log(`wrote ${path}`);
}

ensureBuilt();
const server = await startStaticServer();
const browser = await launchBrowser();
try {
  for (const size of SIZES) {
    const app = await openApp(browser, server, '#/draw', { viewport: size });
    const { page } = app;
    await drawOnPad(page, page.getByTestId('drawing-pad'), SEVEN.strokes);
    await poll(
      async () => (await page.getByTestId('top-digit').textContent()) ?? '?',
      (digit) => digit !== '?',
      30_000,
      'a prediction',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `draw-${size.name}.png`);

    await page.goto(server.url('#/train'));
    await waitForDatasetReady(page);
    await page.getByLabel('Preset').selectOption('fast');
    await pressAndAwaitStatus(page, 'Start', 'running', 30_000);
    await page.waitForTimeout(6000);
    // The results (accuracy, progress, charts) are beside the form on a desktop and below it on a phone.
    await page.evaluate(() => {
      const results = document.querySelector('.training-panel__results');
      const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0;
      if (results) window.scrollTo(0, results.getBoundingClientRect().top + window.scrollY - header - 8);
    });
    await shoot(page, `train-${size.name}.png`);
    await pressAndAwaitStatus(page, 'Stop', 'stopped', 30_000).catch(() => undefined);

    await page.goto(server.url('#/inspect'));
    await drawOnPad(page, page.locator('[data-testid="inspect-sketch"] canvas'), SEVEN.strokes);
    await page.locator('[data-testid^="activation-grid-"]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `inspect-${size.name}.png`);

    await page.goto(server.url('#/models'));
    await page.waitForTimeout(1500);
    await shoot(page, `models-${size.name}.png`);
    await app.close();
  }
} finally {
  await browser.close();
  await server.close();
}
