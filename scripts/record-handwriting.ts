// `npm run record-handwriting [-- --out FILE] [--seed N] [--first N]`: draws every digit design in every variation on the
// built app's real drawing pad with mouse events and saves the points the pad received (the hand-drawn test set).
// `-- --headed [--digits 0123456789] [--style NAME]`: a person draws each digit in a Chromium window instead,
// and the strokes are added to the file.
import { existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureBuilt, startStaticServer } from '../tests/browser/harness';
import { preprocessStrokes } from '../src/data/preprocess/preprocess-strokes';
import { DIGIT_DESIGNS } from './handwriting/digit-designs';
import { pointerPathOf } from './handwriting/pointer-path';
import { variedDigits } from './handwriting/variations';
import {
  HAND_DRAWN_FORMAT,
  HAND_DRAWN_SET_PATH,
  formatHandDrawnFile,
  readHandDrawnFile,
  strokesOf,
  type HandDrawnFile,
  type HandDrawnRecord,
} from './hand-drawn-set';

const VIEWPORT = { width: 1280, height: 800 };
const DEVICE_SCALE_FACTOR = 1;
/** DrawingPad's PEN_FRACTION: the pen is 6% of the pad's width. */
const PEN_FRACTION = 0.06;

interface PadRecording {
  strokes: number[][];
  events: number;
}

/**
 * Runs in the page before the app: records the pad's pointer events (capture phase, so before React sees them)
 * and converts them exactly as DrawingPad does: coalesced samples, backing-store pixels, the first sample of a
 * press only, nothing on release.
 */
function listenToPad(): void {
  const recording: PadRecording = { strokes: [], events: 0 };
  (window as unknown as { __padRecording: PadRecording }).__padRecording = recording;
  let active: { id: number; pad: HTMLCanvasElement } | null = null;
  const pointsOf = (pad: HTMLCanvasElement, event: PointerEvent): number[] => {
    const rect = pad.getBoundingClientRect();
    const sx = pad.width / rect.width;
    const sy = pad.height / rect.height;
    const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    const all = samples.length > 0 ? samples : [event];
    return all.flatMap((e) => [(e.clientX - rect.left) * sx, (e.clientY - rect.top) * sy]);
  };
  window.addEventListener(
    'pointerdown',
    (event) => {
      const pad = event.target;
      if (!(pad instanceof HTMLCanvasElement) || pad.dataset.testid !== 'drawing-pad') return;
      if (active !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
      active = { id: event.pointerId, pad };
      recording.events += 1;
      recording.strokes.push(pointsOf(pad, event).slice(-2));
    },
    true,
  );
  window.addEventListener(
    'pointermove',
    (event) => {
      if (active === null || active.id !== event.pointerId) return;
      recording.events += 1;
      recording.strokes[recording.strokes.length - 1].push(...pointsOf(active.pad, event));
    },
    true,
  );
  const end = (event: PointerEvent) => {
    if (active !== null && active.id === event.pointerId) active = null;
  };
  window.addEventListener('pointerup', end, true);
  window.addEventListener('pointercancel', end, true);
}

/** The strokes recorded since the last call, and how many pointer events they came from. */
async function takeRecording(page: Page): Promise<PadRecording> {
  return page.evaluate(() => {
    const w = window as unknown as { __padRecording: PadRecording };
    const taken = { strokes: w.__padRecording.strokes, events: w.__padRecording.events };
    w.__padRecording.strokes = [];
    w.__padRecording.events = 0;
    return taken;
  });
}

/** The 28x28 input the app itself made from the pad (its "what the network sees" canvas), as paper levels 0-255. */
async function appInputPaper(page: Page): Promise<number[] | null> {
  return page.evaluate(async () => {
    // The Draw place preprocesses once per animation frame: two frames after the last event it has caught up.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const canvas = document.querySelector<HTMLCanvasElement>(
      'canvas[aria-label="The 28 by 28 image fed to the network"]',
    );
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return null;
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return Array.from({ length: canvas.width * canvas.height }, (_, i) => rgba[i * 4]);
  });
}

/** The largest difference in paper level between the app's own input and ours from the recorded strokes. */
function differenceFromApp(
  appPaper: readonly number[] | null,
  record: HandDrawnRecord,
  penDiameter: number,
): number {
  const ours = preprocessStrokes(strokesOf(record), { padPenDiameter: penDiameter })?.input ?? null;
  if (appPaper === null || ours === null || appPaper.length !== ours.length) return 255;
  let largest = 0;
  ours.forEach((v, i) => {
    const paper = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
    largest = Math.max(largest, Math.abs(paper - appPaper[i]));
  });
  return largest;
}

async function clearPad(page: Page): Promise<void> {
  const clear = page.getByRole('button', { name: 'Clear', exact: true });
  if (await clear.isEnabled()) await clear.click();
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Clear');
    return button !== undefined && button.disabled;
  });
  await takeRecording(page);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const headed = process.argv.includes('--headed');
  const out = option('--out') ?? HAND_DRAWN_SET_PATH;
  const seed = Number(option('--seed') ?? 1);
  if (headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('--headed needs a screen to draw on (no DISPLAY or WAYLAND_DISPLAY is set)');
    process.exitCode = 1;
    return;
  }
  ensureBuilt();
  const server = await startStaticServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !headed,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR });
    // tsx names inner functions through an `__name` helper that the page does not have.
    await context.addInitScript({ content: `var __name = (f) => f; (${listenToPad.toString()})();` });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(server.url('#/draw'));
    const padLocator = page.getByTestId('drawing-pad');
    await padLocator.waitFor();
    await padLocator.scrollIntoViewIfNeeded();
    const padSize = await padLocator.evaluate((c) => ({
      width: (c as HTMLCanvasElement).width,
      height: (c as HTMLCanvasElement).height,
      cssWidth: c.getBoundingClientRect().width,
      dpr: window.devicePixelRatio,
    }));
    const pad = { width: padSize.width, height: padSize.height, penDiameter: padSize.width * PEN_FRACTION };
    const recording = {
      browser: `Chromium ${browser.version()}`,
      viewport: VIEWPORT,
      devicePixelRatio: padSize.dpr,
      padCssWidth: padSize.cssWidth,
      input: headed ? 'a person' : 'playwright mouse events along the designs of scripts/handwriting',
    };
    if (headed) await recordPerson(page, out, pad);
    else await recordDesigns(page, out, pad, { ...recording, seed });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function recordDesigns(
  page: Page,
  out: string,
  pad: HandDrawnFile['pad'],
  recording: Record<string, unknown>,
): Promise<void> {
  const first = option('--first');
  const varied = variedDigits(DIGIT_DESIGNS, Number(recording.seed)).slice(
    0,
    first ? Number(first) : undefined,
  );
  const digits: HandDrawnRecord[] = [];
  let pointerEvents = 0;
  let largestDifference = 0;
  let unlike = 0;
  for (const [n, digit] of varied.entries()) {
    const box = await page.getByTestId('drawing-pad').boundingBox();
    if (!box) throw new Error('the drawing pad is not on screen');
    for (const stroke of pointerPathOf(digit.strokes, box)) {
      await page.mouse.move(stroke[0][0], stroke[0][1]);
      await page.mouse.down();
      for (const [x, y] of stroke.slice(1)) await page.mouse.move(x, y);
      await page.mouse.up();
    }
    const taken = await takeRecording(page);
    if (taken.strokes.length !== digit.strokes.length)
      throw new Error(
        `${digit.label} ${digit.style} ${digit.variation}: the pad got ${taken.strokes.length} strokes`,
      );
    pointerEvents += taken.events;
    const record = {
      label: digit.label,
      style: digit.style,
      variation: digit.variation,
      strokes: taken.strokes,
    };
    digits.push(record);
    // The recording is only useful if it is what the pad had: the app's own input must come out the same.
    const difference = differenceFromApp(await appInputPaper(page), record, pad.penDiameter);
    largestDifference = Math.max(largestDifference, difference);
    if (difference > 1) unlike += 1;
    await clearPad(page);
    if ((n + 1) % 50 === 0) console.log(`${n + 1}/${varied.length} digits drawn`);
  }
  const file: HandDrawnFile = {
    format: HAND_DRAWN_FORMAT,
    pad,
    recording: {
      ...recording,
      pointerEvents,
      appInputCheck: { digits: digits.length, unlike, largestDifference },
    },
    digits,
  };
  writeFileSync(out, formatHandDrawnFile(file));
  console.log(
    `the app's own 28x28 input differs from the recorded strokes' by more than 1/255 for ${unlike} of ${digits.length} digits (largest difference ${largestDifference}/255)`,
  );
  console.log(
    `wrote ${digits.length} digits (${pointerEvents} pointer events, pad ${pad.width}x${pad.height}) to ${out}`,
  );
}

/** A person draws each asked digit; their strokes are appended to the file (scaled to its pad if it differs). */
async function recordPerson(page: Page, out: string, pad: HandDrawnFile['pad']): Promise<void> {
  const labels = [...(option('--digits') ?? '0123456789')].map(Number).filter((d) => Number.isInteger(d));
  const style = option('--style') ?? 'own';
  const existing = existsSync(out) ? readHandDrawnFile(out) : null;
  const target = existing?.pad ?? pad;
  const scale = target.width / pad.width;
  const added: HandDrawnRecord[] = [];
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const label of labels) {
      await clearPad(page);
      const answer = await terminal.question(
        `draw a ${label} (${style}), then press Enter (s: skip, q: stop) `,
      );
      if (answer.trim() === 'q') break;
      const taken = await takeRecording(page);
      if (answer.trim() === 's' || taken.strokes.length === 0) continue;
      added.push({
        label,
        style,
        variation: 'person',
        strokes: taken.strokes.map((s) => s.map((v) => v * scale)),
      });
    }
  } finally {
    terminal.close();
  }
  const file: HandDrawnFile = existing
    ? { ...existing, digits: [...existing.digits, ...added] }
    : { format: HAND_DRAWN_FORMAT, pad, recording: { input: 'a person' }, digits: added };
  writeFileSync(out, formatHandDrawnFile(file));
  console.log(`added ${added.length} digits to ${out}`);
}

await main();
