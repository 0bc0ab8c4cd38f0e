// `npm run robustness [MODEL.dlm…]`: each model's accuracy on MNIST test digits displaced and distorted in ways
// training never shows, without and with the drawing pad's preprocessing, and on the hand-drawn set; by default
// both shipped networks side by side.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { preprocessGrayImage } from '../src/data/preprocess/preprocess-image';
import { createGrayImage } from '../src/data/preprocess/gray-image';
import { deserializeModel } from '../src/nn/model-file';
import { architectureOf, denseParamsOf, type ModelParams } from '../src/nn/model-params';
import { SHIPPED_MODELS } from '../src/state/shipped-models';
import { loadWasmKernelsNode } from '../src/wasm/load-kernels-node';
import {
  SIDE,
  centreWindow,
  enlargeTo150,
  maxFilter3x3,
  shiftToTopLeft,
  shrinkToHalf,
  type Raster,
} from './robustness-distortions';
import {
  HeldOutElastic,
  localThicknessDigit,
  perspectiveDigit,
  rotateDigit,
  variantOf,
} from './robustness-held-out';
import { HAND_DRAWN_SET_PATH, loadHandDrawnSet, type HandDrawnDigit } from './hand-drawn-set';
import { readerOf } from './model-reader';
import { normaliseStrokeWidth } from './robustness-stroke-width';

/** The shipped networks, as files in the repository (their URLs are relative to the page, i.e. public/). */
const SHIPPED_PATHS = SHIPPED_MODELS.map((m) => ({
  label: m.label,
  path: `public/${m.url.replace(/^\.\//, '')}`,
}));
/** Above this estimated pen width (px, after preprocessing) a digit is thinned: 95% of MNIST test digits are below. */
const MAX_STROKE_WIDTH = 2.95;

interface Condition {
  readonly name: string;
  readonly label: string;
  /**
   * Digit n displaced or distorted: as the network would see it directly, and as given to the preprocessing (any
   * size).
   */
  readonly distort: (digit: Float32Array, n: number) => { direct: Float32Array; raster: Raster };
}

const square = (data: Float32Array): Raster => ({ width: SIDE, height: SIDE, data });
/** A distortion that keeps the 28x28 frame: the network and the preprocessing see the same image. */
const inFrame = (name: string, label: string, distort: (digit: Float32Array, n: number) => Float32Array) => ({
  name,
  label,
  distort: (digit: Float32Array, n: number) => {
    const x = distort(digit, n);
    return { direct: x, raster: square(x) };
  },
});
/** Half the digits one way, half the other, fixed per digit. */
const signOf = (n: number) => (variantOf(n, 1, 2) === 0 ? 1 : -1);
const fineElastic = new HeldOutElastic(3, 25);
const coarseElastic = new HeldOutElastic(6, 80);

const CONDITIONS: readonly Condition[] = [
  inFrame('plain', 'undistorted', (d) => d),
  inFrame('corner', '(a) box at top-left corner', shiftToTopLeft),
  inFrame('shrunk', '(b) shrunk to 50%, centred', shrinkToHalf),
  {
    name: 'enlarged',
    label: '(c) enlarged to 150% (42x42)',
    distort: (d) => {
      const big = enlargeTo150(d);
      return { direct: centreWindow(big), raster: big };
    },
  },
  inFrame('thick', '(d) 3x3 max filter', maxFilter3x3),
  // Held out of training: beyond the trained ±15° and affine maps, other pens and other elastic scales.
  inFrame('rotated-25', 'rotated ±25°', (d, n) => rotateDigit(d, 25 * signOf(n))),
  inFrame('rotated-35', 'rotated ±35°', (d, n) => rotateDigit(d, 35 * signOf(n))),
  inFrame('perspective', 'perspective, far edge 40% shorter', (d, n) =>
    perspectiveDigit(d, 0.4, variantOf(n, 2, 4)),
  ),
  inFrame('local-pen', 'pen thicker on one side, thinner on the other', (d, n) =>
    localThicknessDigit(d, variantOf(n, 3, 360), 1),
  ),
  inFrame('elastic-fine', 'elastic σ 3, α 25 (fine)', (d, n) => fineElastic.distort(d, n)),
  inFrame('elastic-coarse', 'elastic σ 6, α 80 (coarse)', (d, n) => coarseElastic.distort(d, n)),
];

interface ReadModel {
  readonly label: string;
  readonly path: string;
  readonly params: ModelParams;
  /** The digit's answer: the most likely class. */
  readonly read: (input: Float32Array) => number;
}

/** No ink found counts as a wrong answer, never as skipped. */
function isRight(model: ReadModel, input: Float32Array | null, label: number): boolean {
  return input !== null && model.read(input) === label;
}

interface Counts {
  readonly direct: number[];
  readonly preprocessed: number[];
  readonly thinned: number[];
}

interface Options {
  readonly paths: string[];
  /** Test digits to use (all 10,000 by default). */
  readonly limit: number;
  /** Adds the stroke-width normalisation experiment as a third reading. */
  readonly thinning: boolean;
  /** The hand-drawn digits to read as well, or null for none. */
  readonly handDrawn: string | null;
}

const USAGE = `Usage: npm run robustness -- [MODEL.dlm …] [--limit N] [--thinning] [--hand-drawn FILE]

Each model's accuracy on the MNIST test digits displaced and distorted in ways training does not show, without
and with the drawing pad's preprocessing; by default both shipped networks.
  --limit N     the first N test digits only
  --thinning    also read each digit after the stroke-width normalisation (thin if wider than ${MAX_STROKE_WIDTH} px)
  --hand-drawn FILE   the hand-drawn digits to read too (default ${HAND_DRAWN_SET_PATH}; "none" skips them)`;

function parseOptions(args: readonly string[]): Options {
  const paths: string[] = [];
  let limit = Infinity;
  let thinning = false;
  let handDrawn: string | null = HAND_DRAWN_SET_PATH;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--thinning') thinning = true;
    else if (arg === '--hand-drawn') {
      const file = args[++i];
      if (!file) throw new Error('--hand-drawn needs a file (or "none")');
      handDrawn = file === 'none' ? null : file;
    } else if (arg === '--limit') {
      limit = Number(args[++i]);
      if (!Number.isInteger(limit) || limit < 1)
        throw new Error('--limit needs a whole number of digits, 1 or more');
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    else paths.push(arg);
  }
  return { paths, limit, thinning, handDrawn };
}

const percent = (value: number) => `${value.toFixed(2)}%`;

/** A markdown table: one row per condition, a column per model and reading. */
function printTable(
  models: readonly ReadModel[],
  readings: readonly { name: string; values: (m: number, c: number) => number }[],
  conditions: readonly Condition[],
): void {
  const header = models.flatMap((model) => readings.map((r) => `${model.label}: ${r.name}`));
  console.log(`| condition | ${header.join(' | ')} |`);
  console.log(`|---|${header.map(() => '---:').join('|')}|`);
  conditions.forEach((condition, c) => {
    const cells = models.flatMap((_, m) => readings.map((r) => percent(r.values(m, c))));
    console.log(`| ${condition.label} | ${cells.join(' | ')} |`);
  });
}

/**
 * The hand-drawn digits through the Draw place's own preprocessing: each model's accuracy per digit and in
 * all, and per style. Returns the same figures for the JSON line.
 */
function readHandDrawn(
  models: readonly ReadModel[],
  path: string,
  digits: readonly HandDrawnDigit[],
): Record<string, { all: number; digits: number[]; styles: Record<string, number> }> {
  const right = models.map((model) => digits.map((d) => isRight(model, d.input, d.label)));
  const accuracy = (m: number, keep: (d: HandDrawnDigit) => boolean) => {
    let total = 0;
    let correct = 0;
    digits.forEach((d, i) => {
      if (!keep(d)) return;
      total += 1;
      if (right[m][i]) correct += 1;
    });
    return (100 * correct) / Math.max(1, total);
  };
  const countOf = (keep: (d: HandDrawnDigit) => boolean) => digits.filter(keep).length;
  console.log(`\n${digits.length} hand-drawn digits (${path}), through the Draw place's preprocessing:\n`);
  console.log(`| digit | count | ${models.map((model) => model.label).join(' | ')} |`);
  console.log(`|---|---:|${models.map(() => '---:').join('|')}|`);
  for (let label = 0; label <= 9; label++) {
    const keep = (d: HandDrawnDigit) => d.label === label;
    const cells = models.map((_, m) => percent(accuracy(m, keep)));
    console.log(`| ${label} | ${countOf(keep)} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| all | ${digits.length} | ${models.map((_, m) => `**${percent(accuracy(m, () => true))}**`).join(' | ')} |`,
  );
  const styles = [...new Set(digits.map((d) => `${d.label} ${d.style}`))];
  console.log(`\nBy style:\n`);
  console.log(`| style | count | ${models.map((model) => model.label).join(' | ')} |`);
  console.log(`|---|---:|${models.map(() => '---:').join('|')}|`);
  for (const style of styles) {
    const keep = (d: HandDrawnDigit) => `${d.label} ${d.style}` === style;
    console.log(
      `| ${style} | ${countOf(keep)} | ${models.map((_, m) => percent(accuracy(m, keep))).join(' | ')} |`,
    );
  }
  return Object.fromEntries(
    models.map((model, m) => [
      model.label,
      {
        all: Number(accuracy(m, () => true).toFixed(2)),
        digits: Array.from({ length: 10 }, (_, label) =>
          Number(accuracy(m, (d) => d.label === label).toFixed(2)),
        ),
        styles: Object.fromEntries(
          styles.map((style) => [
            style,
            Number(accuracy(m, (d) => `${d.label} ${d.style}` === style).toFixed(2)),
          ]),
        ),
      },
    ]),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Read before the minutes of MNIST work, so a bad file is said at once.
  const handDrawnSet = options.handDrawn ? loadHandDrawnSet(options.handDrawn) : null;
  const chosen =
    options.paths.length > 0 ? options.paths.map((path) => ({ label: basename(path), path })) : SHIPPED_PATHS;
  const kernels = await loadWasmKernelsNode();
  const models: ReadModel[] = chosen.map(({ label, path }) => {
    const params = deserializeModel(new Uint8Array(readFileSync(path))).params;
    return { label, path, params, read: readerOf(params, kernels) };
  });
  const test = loadMnistFromDisk('test');
  const count = Math.min(test.count, options.limit);
  const pixels = test.rows * test.cols;
  const zeros = () => new Array<number>(CONDITIONS.length).fill(0);
  const counts: Counts[] = models.map(() => ({ direct: zeros(), preprocessed: zeros(), thinned: zeros() }));
  const digit = new Float32Array(pixels);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < pixels; i++) digit[i] = test.images[n * pixels + i] / 255;
    const label = test.labels[n];
    CONDITIONS.forEach((condition, c) => {
      // One distortion and one preprocessing per digit, read by every model.
      const { direct, raster } = condition.distort(digit, n);
      const prepared = preprocessGrayImage(createGrayImage(raster.width, raster.height, raster.data));
      const thinned =
        options.thinning && prepared ? normaliseStrokeWidth(prepared.input, MAX_STROKE_WIDTH) : null;
      models.forEach((model, m) => {
        if (isRight(model, direct, label)) counts[m].direct[c] += 1;
        if (isRight(model, prepared?.input ?? null, label)) counts[m].preprocessed[c] += 1;
        if (options.thinning && isRight(model, thinned, label)) counts[m].thinned[c] += 1;
      });
    });
  }

  const pct = (correct: number) => (100 * correct) / count;
  console.log(`${count} MNIST test digits, read by:`);
  for (const model of models) {
    const dense = denseParamsOf(model.params);
    const shape = dense ? dense.layerSizes.join('-') : architectureOf(model.params);
    console.log(`- ${model.label}: ${model.path} (${shape})`);
  }
  const readings = [
    { name: 'without', values: (m: number, c: number) => pct(counts[m].direct[c]) },
    { name: 'with', values: (m: number, c: number) => pct(counts[m].preprocessed[c]) },
  ];
  if (options.thinning) {
    readings.push({ name: 'with + thinning', values: (m, c) => pct(counts[m].thinned[c]) });
  }
  console.log(
    '\n"without": the distorted 28x28 digit as it is; "with": through the drawing pad\'s preprocessing.\n',
  );
  printTable(models, readings, CONDITIONS);

  const json: Record<string, Record<string, Record<string, number>>> = {};
  models.forEach((model, m) => {
    json[model.label] = Object.fromEntries(
      CONDITIONS.map((condition, c) => [
        condition.name,
        Object.fromEntries(readings.map((r) => [r.name, Number(r.values(m, c).toFixed(2))])),
      ]),
    );
  });
  const handDrawn =
    options.handDrawn && handDrawnSet ? readHandDrawn(models, options.handDrawn, handDrawnSet) : null;
  const files = Object.fromEntries(models.map((model) => [model.label, model.path]));
  console.log(`\n${JSON.stringify({ robustness: json, handDrawn, models: files, samples: count })}`);
}

try {
  await main();
} catch (error) {
  // A wrong option, a missing or malformed file: one line that says which, no stack.
  console.error(`robustness: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
