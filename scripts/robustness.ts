// `npm run robustness [MODEL.dlm…]`: each model's accuracy on displaced MNIST test digits, without and with the drawing
// pad's preprocessing; by default both shipped networks side by side.
import { readFileSync } from 'node:fs';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { preprocessGrayImage } from '../src/data/preprocess/preprocess-image';
import { createGrayImage } from '../src/data/preprocess/gray-image';
import type { Kernels } from '../src/nn/kernels';
import { deserializeModel } from '../src/nn/model-file';
import { architectureOf, denseParamsOf, layerParamsOf, type ModelParams } from '../src/nn/model-params';
import { predictOne } from '../src/nn/predict';
import { predictLayersOne } from '../src/nn/predict-layers';
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
  /** The displaced digit as the network would see it directly, and as given to the preprocessing (any size). */
  readonly distort: (digit: Float32Array) => { direct: Float32Array; raster: Raster };
}

const square = (data: Float32Array): Raster => ({ width: SIDE, height: SIDE, data });

const CONDITIONS: readonly Condition[] = [
  { name: 'plain', label: 'undistorted', distort: (d) => ({ direct: d, raster: square(d) }) },
  {
    name: 'corner',
    label: '(a) box at top-left corner',
    distort: (d) => {
      const x = shiftToTopLeft(d);
      return { direct: x, raster: square(x) };
    },
  },
  {
    name: 'shrunk',
    label: '(b) shrunk to 50%, centred',
    distort: (d) => {
      const x = shrinkToHalf(d);
      return { direct: x, raster: square(x) };
    },
  },
  {
    name: 'enlarged',
    label: '(c) enlarged to 150% (42x42)',
    distort: (d) => {
      const big = enlargeTo150(d);
      return { direct: centreWindow(big), raster: big };
    },
  },
  {
    name: 'thick',
    label: '(d) 3x3 max filter',
    distort: (d) => {
      const x = maxFilter3x3(d);
      return { direct: x, raster: square(x) };
    },
  },
];

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

interface ReadModel {
  readonly label: string;
  readonly path: string;
  readonly params: ModelParams;
  /** The digit's answer: the most likely class. */
  readonly read: (input: Float32Array) => number;
}

function readerOf(params: ModelParams, kernels: Kernels): (input: Float32Array) => number {
  const dense = denseParamsOf(params);
  if (dense) return (input) => argmax(predictOne(dense, input).probabilities);
  const layers = layerParamsOf(params);
  return (input) => argmax(predictLayersOne(layers, input, kernels).probabilities);
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

async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  const chosen = paths.length > 0 ? paths.map((path) => ({ label: path, path })) : SHIPPED_PATHS;
  const kernels = await loadWasmKernelsNode();
  const models: ReadModel[] = chosen.map(({ label, path }) => {
    const params = deserializeModel(new Uint8Array(readFileSync(path))).params;
    return { label, path, params, read: readerOf(params, kernels) };
  });
  const test = loadMnistFromDisk('test');
  const pixels = test.rows * test.cols;
  const zeros = () => new Array<number>(CONDITIONS.length).fill(0);
  const counts: Counts[] = models.map(() => ({ direct: zeros(), preprocessed: zeros(), thinned: zeros() }));
  const digit = new Float32Array(pixels);
  for (let n = 0; n < test.count; n++) {
    for (let i = 0; i < pixels; i++) digit[i] = test.images[n * pixels + i] / 255;
    const label = test.labels[n];
    CONDITIONS.forEach((condition, c) => {
      // One distortion and one preprocessing per digit, read by every model.
      const { direct, raster } = condition.distort(digit);
      const prepared = preprocessGrayImage(createGrayImage(raster.width, raster.height, raster.data));
      const thinned = prepared ? normaliseStrokeWidth(prepared.input, MAX_STROKE_WIDTH) : null;
      models.forEach((model, m) => {
        if (isRight(model, direct, label)) counts[m].direct[c] += 1;
        if (isRight(model, prepared?.input ?? null, label)) counts[m].preprocessed[c] += 1;
        if (isRight(model, thinned, label)) counts[m].thinned[c] += 1;
      });
    });
  }

  const pct = (correct: number) => (100 * correct) / test.count;
  console.log(`${test.count} MNIST test digits, read by:`);
  for (const model of models) {
    const dense = denseParamsOf(model.params);
    const shape = dense ? dense.layerSizes.join('-') : architectureOf(model.params);
    console.log(`- ${model.label}: ${model.path} (${shape})`);
  }
  const columns = [
    'without preprocessing',
    'with preprocessing',
    'with, vs undistorted with',
    `with + stroke-width normalisation (thin if > ${MAX_STROKE_WIDTH} px)`,
  ];
  console.log(
    `\n| condition | ${models.flatMap((model) => columns.map((column) => `${model.label}: ${column}`)).join(' | ')} |`,
  );
  console.log(`|---|${models.flatMap(() => columns.map(() => '---:')).join('|')}|`);
  const json: Record<
    string,
    Record<string, { without: number; with: number; withWidthNormalisation: number }>
  > = {};
  models.forEach((model) => (json[model.label] = {}));
  CONDITIONS.forEach((condition, c) => {
    const cells = models.flatMap((model, m) => {
      const without = pct(counts[m].direct[c]);
      const withPre = pct(counts[m].preprocessed[c]);
      const thinnedPct = pct(counts[m].thinned[c]);
      json[model.label][condition.name] = {
        without: Number(without.toFixed(2)),
        with: Number(withPre.toFixed(2)),
        withWidthNormalisation: Number(thinnedPct.toFixed(2)),
      };
      const delta = withPre - pct(counts[m].preprocessed[0]);
      return [
        `${without.toFixed(2)}%`,
        `${withPre.toFixed(2)}%`,
        c === 0 ? '' : `${delta >= 0 ? '+' : ''}${delta.toFixed(2)}`,
        `${thinnedPct.toFixed(2)}%`,
      ];
    });
    console.log(`| ${condition.label} | ${cells.join(' | ')} |`);
  });
  const files = Object.fromEntries(models.map((model) => [model.label, model.path]));
  console.log(`\n${JSON.stringify({ robustness: json, models: files, samples: test.count })}`);
}

await main();
