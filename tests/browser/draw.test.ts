// The Draw place in Chromium: real pointer polylines of a 1, a 0 and a 7 (large, off-centre) are read as drawn
// by the shipped default model, the bars sum to 100%, and the 28x28 input is shown; then at phone size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  drawOnPad,
  launchBrowser,
  openApp,
  startStaticServer,
  unexpectedErrors,
  type StaticServer,
} from './harness';
import { DRAWN_DIGITS, type DrawnDigit } from './draw-strokes';

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

async function draw(page: Page, digit: DrawnDigit): Promise<void> {
  await drawOnPad(page, page.getByTestId('drawing-pad'), digit.strokes);
}

async function readBars(page: Page): Promise<number[]> {
  return page
    .getByRole('meter')
    .evaluateAll((meters) => meters.map((m) => Number.parseFloat(m.getAttribute('aria-valuenow') ?? 'NaN')));
}

/** Ink and paper pixel counts of the 28x28 preview canvas. */
async function previewInk(page: Page) {
  return page.getByRole('img', { name: 'The 28 by 28 image fed to the network' }).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) ink++;
    return { ink, width: canvas.width, height: canvas.height };
  });
}

async function expectReadAs(page: Page, digit: number): Promise<void> {
  const top = page.getByTestId('top-digit');
  await top
    .filter({ hasText: String(digit) })
    .waitFor({ timeout: 30_000 })
    .catch(async () => {
      throw new Error(
        `drew a ${digit}, the network read ${await top.textContent()}; bars ${(await readBars(page)).join(' ')}`,
      );
    });
  // The live region announces it once the stroke ended.
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^Predicted ${digit}, \\d+%$`) })
    .waitFor();
  const bars = await readBars(page);
  expect(bars).toHaveLength(10);
  expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  expect(bars.indexOf(Math.max(...bars))).toBe(digit);
  const preview = await previewInk(page);
  expect(preview).toMatchObject({ width: 28, height: 28 });
  expect(preview.ink).toBeGreaterThan(25);
}

describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('Draw at $width x $height', (viewport) => {
  it('reads a 1, a 0 and a 7 drawn large and off-centre, with bars summing to 100% and the 28x28 input shown', async () => {
    const app = await openApp(browser, server, '#/draw', { viewport });
    try {
      const { page } = app;
      await expect(page.getByTestId('top-digit').textContent()).resolves.toBe('?');
      for (const digit of DRAWN_DIGITS) {
        await draw(page, digit);
        await expectReadAs(page, digit.digit);
        await page.keyboard.press('Escape');
        await page.getByTestId('top-digit').filter({ hasText: '?' }).waitFor();
      }
      // Undo goes back one stroke: two strokes of a 7 drawn separately, undo the diagonal.
      const seven = DRAWN_DIGITS.find((d) => d.digit === 7)!;
      const [bar, diagonal] = [seven.strokes[0].slice(0, 4), seven.strokes[0].slice(3)];
      await draw(page, { digit: 7, strokes: [bar, diagonal] });
      await expectReadAs(page, 7);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByRole('button', { name: 'Undo' }).isEnabled()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Clear' }).click();
      await page.getByTestId('top-digit').filter({ hasText: '?' }).waitFor();
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('Draw: bring your own image', () => {
  it('reads a dropped JPEG of a dark 7 on textured light paper through the same preprocessing, stages shown', async () => {
    const app = await openApp(browser, server, '#/draw', { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = app;
      // The photo is made in the page (canvas -> JPEG) and dropped as a real File, so decoding is the browser's.
      await page.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 240;
        const context = canvas.getContext('2d')!;
        const paper = context.createImageData(320, 240);
        let seed = 7;
        for (let i = 0; i < paper.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const v = 210 + (seed % 30);
          paper.data.set([v, v - 4, v - 12, 255], i);
        }
        context.putImageData(paper, 0, 0);
        context.strokeStyle = '#2b2b33';
        context.lineWidth = 13;
        context.lineCap = 'round';
        context.lineJoin = 'round';
        context.beginPath();
        context.moveTo(120, 50);
        context.lineTo(205, 52);
        context.lineTo(150, 200);
        context.stroke();
        const blob = await new Promise<Blob>((resolve) =>
          canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.85),
        );
        const transfer = new DataTransfer();
        transfer.items.add(new File([blob], 'seven.jpg', { type: 'image/jpeg' }));
        document
          .querySelector('.image-drop')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await page.getByText('Reading your image').waitFor();
      await expectReadAs(page, 7);
      await page.getByText('How the drawing was turned into the network’s input').click();
      const stages = page.getByRole('img', { name: /^Stage \d/ });
      await expect(stages.count()).resolves.toBe(4);
      await expect(stages.first().getAttribute('aria-label')).resolves.toContain('inverted');
      expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
