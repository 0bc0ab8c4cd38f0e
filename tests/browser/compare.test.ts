// Comparing in Chromium: the Models place puts the shipped reference network beside the shipped CNN (both rows,
// their curves overlaid, no axe violation at desktop and phone sizes); the CNN is downloaded only when ticked;
// a failed download is said on the entry and a second try brings the model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  compareShippedModels,
  comparisonLineCount,
  launchBrowser,
  openApp,
  poll,
  startStaticServer,
  unexpectedErrors,
  type StaticServer,
} from './harness';
import { checkState, expectNoViolations } from './harness/axe';

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

/** The comparison table as "property: value per model" lines. */
function tableRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('compare-table')
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')
          .join(' | ')
          .trim(),
      ),
    );
}

/** Vertices of each drawn line in a chart, in drawing order. */
function lineVertices(page: Page, testId: string): Promise<number[]> {
  return page
    .getByTestId(testId)
    .locator('.compare-chart__line path.recharts-line-curve')
    .evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length - 1));
}

describe('Comparing the shipped models', () => {
  it('puts the reference network beside the CNN: both rows, curves overlaid, accessible at both sizes', async () => {
    const app = await openApp(browser, server, '#/models', { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      await page.getByTestId('shipped-models').waitFor({ timeout: 30_000 });
      expect(server.requestsFor('models/cnn.dlm')).toHaveLength(0);
      await compareShippedModels(page, 60_000);
      expect(server.requestsFor('models/cnn.dlm').length).toBeGreaterThan(0);

      const rows = await tableRows(page);
      expect(rows[0]).toBe('Property | Reference 784-200-100-25-10 | Convolutional 8@5x5-16@5x5-100');
      expect(rows).toContain(
        'Architecture | 784-200-100-25-10 | conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100',
      );
      expect(rows).toContain('Parameters | 179,885 | 82,934');
      expect(rows).toContain('Test accuracy | 99.04% | 99.38%');
      expect(rows).toContain('Epochs | 30 | 15');
      expect(rows).toContain('Distorted digits | the defaults | the defaults');
      expect(rows.find((r) => r.startsWith('Epoch time'))).toMatch(/^Epoch time \| \d+\.\d s \| \d+\.\d s$/);

      // 30 epochs of the reference, 15 of the CNN: one accuracy line each, a training and a test loss line each.
      expect(await lineVertices(page, 'compare-chart-test-accuracy')).toEqual([30, 15]);
      expect(await lineVertices(page, 'compare-chart-loss')).toEqual([30, 30, 15, 15]);
      const accuracyFigure = page.getByRole('figure', { name: 'Test accuracy' });
      expect(await accuracyFigure.getByRole('listitem').allTextContents()).toEqual([
        'Reference 784-200-100-25-10',
        'Convolutional 8@5x5-16@5x5-100',
      ]);
      // The CNN's last test accuracy (99.38%) is drawn above the reference's (99.04%): SVG's y grows downwards.
      const ends = await page
        .getByTestId('compare-chart-test-accuracy')
        .locator('.compare-chart__line path.recharts-line-curve')
        .evaluateAll((paths) =>
          paths.map((p) => {
            const numbers = (p.getAttribute('d') ?? '')
              .split(/[MLC,\s]+/)
              .filter(Boolean)
              .map(Number);
            return { x: numbers.at(-2) ?? NaN, y: numbers.at(-1) ?? NaN };
          }),
        );
      for (const end of ends) expect(end.y).toBeGreaterThan(0);
      expect(ends[1].y).toBeLessThan(ends[0].y);

      const found: string[] = [];
      await checkState(page, 'Models comparing the shipped models', found);
      await page.getByText('The curves as numbers').click();
      await checkState(page, 'Models comparison with its numbers', found);
      expectNoViolations(found);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says when the CNN cannot be downloaded, keeps the reference, and brings the CNN on a second try', async () => {
    const app = await openApp(browser, server, '#/models', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    try {
      server.setFault('models/cnn.dlm', 'fail500');
      const shipped = page.getByTestId('shipped-models');
      await shipped.waitFor({ timeout: 30_000 });
      for (const name of [/^Reference/, /^Convolutional/]) {
        await shipped.getByRole('listitem', { name }).getByRole('checkbox', { name: 'Compare' }).check();
      }
      const error = page.getByTestId('shipped-model-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toBe(
        'Convolutional could not be loaded: the server answered HTTP 500; try again later. Nothing else changed.',
      );
      await poll(
        () => comparisonLineCount(page),
        (n) => n === 3,
        30_000,
        'the reference drawn alone (an accuracy and two loss lines)',
      );
      expect((await tableRows(page))[0]).toBe('Property | Reference 784-200-100-25-10');

      server.clearFaults();
      await page.getByRole('button', { name: 'Try again' }).click();
      await poll(
        () => comparisonLineCount(page),
        (n) => n === 6,
        30_000,
        'both models drawn after the second try',
      );
      expect(await error.count()).toBe(0);
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      server.clearFaults();
      await app.close();
    }
  });
});
