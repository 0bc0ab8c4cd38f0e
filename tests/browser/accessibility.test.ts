// Accessibility in Chromium: axe-core finds no WCAG 2.1 A/AA violation on any place or in the states people reach
// (a drawn digit, the dataset browser, an opened unit, a confusion cell's digits, training, a trained model on Draw,
// storage and import errors), each checked at a desktop and a phone size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  drawOnPad,
  launchBrowser,
  openApp,
  poll,
  pressAndAwaitStatus,
  startStaticServer,
  trainingStatus,
  waitForDatasetReady,
  type OpenedApp,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS } from './draw-strokes';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const DESKTOP = SIZES[0];

/** Lets a resize reach the layout (media queries, ResizeObserver-driven charts) before axe reads it. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(300);
}

/**
 * Runs axe on the page's current state at both sizes and adds one readable line per rule broken, e.g.
 * "[Inspect @ 390x844] color-contrast (serious) on 2 elements: <help> — <targets> — <what to fix>".
 * Leaves the page at the desktop size.
 */
async function checkState(page: Page, state: string, found: string[]): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    for (const v of await axeViolations(page)) {
      const targets = v.nodes.slice(0, 4).map((n) => n.target);
      if (v.nodes.length > 4) targets.push(`and ${v.nodes.length - 4} more`);
      found.push(
        `[${state} @ ${size.width}x${size.height}] ${v.rule} (${v.impact}) on ${v.nodes.length} ` +
          `element${v.nodes.length === 1 ? '' : 's'}: ${v.help} — ${targets.join(' | ')} — ${v.nodes[0].summary}`,
      );
    }
  }
  await page.setViewportSize(DESKTOP);
  await settle(page);
}

function expectNoViolations(found: readonly string[]): void {
  expect(found, `axe-core found WCAG 2.1 A/AA violations:\n${found.join('\n')}`).toEqual([]);
}

/** Points drawn by the training chart lines, so the live charts are on screen before they are checked. */
function chartPoints(page: Page): Promise<number> {
  return page.$$eval('.metric-chart__line', (paths) =>
    paths.reduce(
      (sum, p) => sum + (p.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim()).length,
      0,
    ),
  );
}

/** A browser that refuses this site any storage (as some private modes do): IndexedDB.open throws. */
function refuseStorage(): void {
  Object.defineProperty(window, 'indexedDB', {
    get: () => ({
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    }),
  });
}

let browser: Browser;
let server: StaticServer;
let app: OpenedApp;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  app = await openApp(browser, server, '#/draw', { viewport: DESKTOP });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await server?.close();
});

// One page walks through the places in order (the datasets load once); each case gathers its states' violations
// and asserts at its end, so one failure lists everything it found and the later cases still run.
describe('WCAG 2.1 A/AA (axe-core) at 1280x800 and 390x844', () => {
  it('Draw: empty, then with a digit read', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.getByTestId('drawing-pad').waitFor();
    await checkState(page, 'Draw', found);
    await drawOnPad(page, page.getByTestId('drawing-pad'), DRAWN_DIGITS[0].strokes);
    await poll(
      () => page.getByRole('meter').count(),
      (n) => n === 10,
      30_000,
      'the ten probability bars',
    );
    await page.getByTestId('top-digit').filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
    await checkState(page, 'Draw with a digit', found);
    expectNoViolations(found);
  });

  it('Inspect with the test set measured', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.goto(server.url('#/inspect'));
    await page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });
    await checkState(page, 'Inspect', found);
    expectNoViolations(found);
  });

  it('Inspect: browsing the dataset digits', async () => {
    const { page } = app;
    const found: string[] = [];
    const browserPanel = page.getByTestId('dataset-browser');
    const pager = browserPanel.getByRole('navigation', { name: 'Pages' });
    await browserPanel.locator('.browser__item').first().waitFor({ timeout: 60_000 });
    const everyDigit = await pager.textContent();
    await browserPanel.getByRole('combobox', { name: 'Label' }).selectOption('7');
    await poll(
      () => pager.textContent(),
      (t) => t !== everyDigit && /Page 1 of/.test(t ?? ''),
      30_000,
      'only the 7s',
    );
    await pager.getByRole('button', { name: /Next/ }).click();
    await poll(
      () => pager.textContent(),
      (t) => /Page 2 of/.test(t ?? ''),
      30_000,
      'the second page',
    );
    await browserPanel.locator('.browser__item').first().waitFor();
    await checkState(page, 'Inspect dataset browser', found);
    expectNoViolations(found);
  });

  it('Inspect: a hidden unit opened, in the first and in a deeper layer', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.getByTestId('dataset-browser').locator('.browser__item').first().click();
    await poll(
      () => page.getByTestId('inspect-source').textContent(),
      (t) => /^Test digit/.test(t ?? ''),
      30_000,
      'the browsed digit in the inspector',
    );
    const detail = page.getByTestId('unit-detail');
    await page.getByTestId('activation-grid-0').click({ position: { x: 4, y: 4 } });
    await detail.getByRole('heading', { name: 'Layer 1, unit 0' }).waitFor({ timeout: 10_000 });
    await checkState(page, 'Inspect unit of layer 1', found);
    await page.getByTestId('activation-grid-1').click({ position: { x: 4, y: 4 } });
    await detail.getByRole('heading', { name: 'Layer 2, unit 0' }).waitFor({ timeout: 10_000 });
    await detail.getByRole('table').waitFor();
    await checkState(page, 'Inspect unit of layer 2', found);
    expectNoViolations(found);
  });

  it("Inspect: a confusion cell's digits", async () => {
    const { page } = app;
    const found: string[] = [];
    // The largest off-diagonal cell: the mistakes people look at first.
    const cell = await page.$$eval('[data-testid="confusion-matrix"] [data-cell]', (cells) => {
      let best = { id: '', count: -1 };
      for (const c of cells) {
        const [t, p] = (c.getAttribute('data-cell') ?? '').split('-');
        const count = Number(c.textContent);
        if (t !== p && count > best.count) best = { id: c.getAttribute('data-cell') ?? '', count };
      }
      return best.id;
    });
    await page.locator(`[data-cell="${cell}"]`).click();
    await page.getByTestId('digit-gallery').getByTestId('gallery-digit').first().waitFor({ timeout: 30_000 });
    await checkState(page, 'Inspect confusion cell', found);
    expectNoViolations(found);
  });

  it('Train with MNIST loaded (its dataset samples)', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.goto(server.url('#/train'));
    await waitForDatasetReady(page);
    await page.locator('[data-testid="dataset-samples"] canvas').first().waitFor({ timeout: 30_000 });
    await checkState(page, 'Train', found);
    expectNoViolations(found);
  });

  it('Train while running, then stopped', async () => {
    const { page } = app;
    const found: string[] = [];
    await pressAndAwaitStatus(page, 'Start', 'running', 30_000);
    try {
      await poll(
        () => chartPoints(page),
        (n) => n > 1,
        120_000,
        'points on the live charts',
      );
      await checkState(page, 'Train running', found);
      expect(await trainingStatus(page)).toBe('running');
    } finally {
      // The later cases open a model, which a running training refuses.
      await pressAndAwaitStatus(page, 'Stop', 'stopped', 30_000);
    }
    await checkState(page, 'Train stopped', found);
    expectNoViolations(found);
  });

  it('Models, and an import error', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.goto(server.url('#/models'));
    await page.getByTestId('current-model-name').waitFor();
    await checkState(page, 'Models', found);
    await page.getByTestId('model-file-input').setInputFiles({
      name: 'broken.npz',
      mimeType: 'application/zip',
      buffer: Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
    });
    await page.getByTestId('model-file-error').waitFor({ timeout: 20_000 });
    await checkState(page, 'Models import error', found);
    expectNoViolations(found);
  });

  it('Draw with a trained model to switch to', async () => {
    const { page } = app;
    const found: string[] = [];
    await page.goto(server.url('#/draw'));
    const trained = page.getByLabel('Your trained model');
    await poll(
      () => trained.isEnabled(),
      (enabled) => enabled,
      20_000,
      'the trained model offered',
    );
    await trained.check();
    await checkState(page, 'Draw with a trained model', found);
    expectNoViolations(found);
  });

  it('the storage notice on Train and Models when the browser refuses IndexedDB', async () => {
    const refused = await openApp(browser, server, '#/models', {
      viewport: DESKTOP,
      initScript: refuseStorage,
    });
    const found: string[] = [];
    try {
      const { page } = refused;
      await page.getByTestId('storage-error').waitFor({ timeout: 20_000 });
      await checkState(page, 'Models storage notice', found);
      // Opening Train starts the MNIST download; the notice is there from the start, so the check need not wait.
      await page.goto(server.url('#/train'));
      await page.getByTestId('train-storage-error').waitFor({ timeout: 20_000 });
      await checkState(page, 'Train storage notice', found);
    } finally {
      await refused.close();
    }
    expectNoViolations(found);
  });
});
