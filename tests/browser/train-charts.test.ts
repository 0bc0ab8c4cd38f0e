// The Train charts after a run long enough for its history to be merged (10 epochs: ~400 curve points, the store
// keeps 160): the train curves still span the whole run in both charts, and no y tick label is cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openApp,
  poll,
  startStaticServer,
  trainingStatus,
  unexpectedErrors,
  waitForDatasetReady,
  type StaticServer,
} from './harness';

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

const EPOCHS = 10;
const BATCH = 128;
const TOTAL_SAMPLES = EPOCHS * 60_000;
/** A small network, so ten epochs take seconds. */
const LINK = `#/train?hidden=16&opt=adam&lr=0.003&beta1=0.9&beta2=0.999&eps=1e-8&batch=${BATCH}&epochs=${EPOCHS}&l2=0&seed=3`;
/** The current run's train curve (its colour in chart-series.ts). */
const TRAIN_CURVE = 'path.metric-chart__live-line[stroke="#3d5afe"]';

interface ChartReading {
  /** The plot area (the live layer's clip rectangle), in the chart's SVG pixels. */
  readonly plotLeft: number;
  readonly plotWidth: number;
  /** The x axis' last tick label, e.g. "600k". */
  readonly lastXTick: string;
  /** The train curve's leftmost and rightmost x, in the same pixels; null when no curve is drawn. */
  readonly curve: { readonly minX: number; readonly maxX: number } | null;
  /** Each y tick label with how far it reaches past the chart's left and right edges (0 when inside). */
  readonly yLabels: readonly { readonly text: string; readonly outLeft: number; readonly outRight: number }[];
}

function readChart(page: Page, testId: string): Promise<ChartReading> {
  return page.getByTestId(testId).evaluate((figure, curveSelector) => {
    const clip = figure.querySelector('.live-series-layer clipPath rect')!;
    const path = figure.querySelector(curveSelector);
    const xs = (path?.getAttribute('d') ?? '')
      .split(/[ML]/)
      .filter((s) => s !== '')
      .map((pair) => Number(pair.split(',')[0]));
    const surface = figure.querySelector('svg.recharts-surface')!.getBoundingClientRect();
    const yLabels = [...figure.querySelectorAll('text.recharts-yAxis')].map((text) => {
      const box = text.getBoundingClientRect();
      return {
        text: text.textContent ?? '',
        outLeft: Math.max(0, surface.left - box.left),
        outRight: Math.max(0, box.right - surface.right),
      };
    });
    const xTicks = [...figure.querySelectorAll('text.recharts-xAxis')].map((t) => t.textContent ?? '');
    return {
      plotLeft: Number(clip.getAttribute('x')),
      plotWidth: Number(clip.getAttribute('width')),
      lastXTick: xTicks.at(-1) ?? '',
      curve: xs.length > 1 ? { minX: Math.min(...xs), maxX: Math.max(...xs) } : null,
      yLabels,
    };
  }, TRAIN_CURVE);
}

/** Samples between two train curve points: one every 12 batches (469 per epoch / 40 points per epoch). */
const LAST_POINT_SAMPLES = 12 * BATCH;

/** The pixel of a sample count on a chart's x axis, which runs from 0 to its last tick. */
function endPixel(chart: ChartReading, samples: number): number {
  return chart.plotLeft + (samples / samplesOfTick(chart.lastXTick)) * chart.plotWidth;
}

function samplesOfTick(label: string): number {
  const match = /^([\d.]+)([kM]?)$/.exec(label);
  if (!match) throw new Error(`unexpected x tick label "${label}"`);
  return Number(match[1]) * (match[2] === 'M' ? 1e6 : match[2] === 'k' ? 1e3 : 1);
}

describe('Train charts after a long run', () => {
  it('draws the train curves over the whole run in both charts, with every y tick label inside the chart', async () => {
    const app = await openApp(browser, server, LINK, { viewport: { width: 1280, height: 800 } });
    const { page } = app;
    try {
      await waitForDatasetReady(page);
      await expect(page.getByLabel('Epochs', { exact: true }).inputValue()).resolves.toBe(String(EPOCHS));
      await page.getByRole('button', { name: 'Start' }).click();
      await poll(
        () => trainingStatus(page),
        (s) => s === 'finished',
        600_000,
        `the ${EPOCHS}-epoch run to finish`,
      );

      for (const testId of ['chart-loss', 'chart-accuracy']) {
        // The charts redraw once a second, a second behind the store: wait for the run's last points to be drawn.
        const chart = await poll(
          () => readChart(page, testId),
          (c) => c.curve !== null && c.curve.maxX >= endPixel(c, TOTAL_SAMPLES - LAST_POINT_SAMPLES) - 0.5,
          15_000,
          `${testId}'s train curve to reach the end of the run`,
        );
        const curve = chart.curve!;
        expect(samplesOfTick(chart.lastXTick)).toBeGreaterThanOrEqual(TOTAL_SAMPLES);
        // The first point is the first batch's; the last is at most one curve point (12 batches) from the end.
        expect(curve.minX).toBeGreaterThanOrEqual(chart.plotLeft);
        expect(curve.minX).toBeLessThanOrEqual(endPixel(chart, BATCH) + 0.5);
        expect(curve.maxX).toBeLessThanOrEqual(endPixel(chart, TOTAL_SAMPLES) + 0.5);

        expect(chart.yLabels.length).toBeGreaterThanOrEqual(2);
        for (const label of chart.yLabels)
          expect(label, `y tick "${label.text}"`).toMatchObject({ outLeft: 0, outRight: 0 });
      }
      const accuracyLabels = (await readChart(page, 'chart-accuracy')).yLabels.map((l) => l.text);
      expect(accuracyLabels.every((text) => /^\d+(\.\d+)?%$/.test(text))).toBe(true);

      await page.getByTestId('chart-accuracy').evaluate((chart) => chart.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(tmpdir(), 'digit-lab-train-charts-1280x800.png') });
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
