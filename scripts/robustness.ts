// `npm run robustness`: the default model's accuracy on displaced MNIST test digits, without and with the drawing pad's preprocessing.
import { readFileSync } from 'node:fs';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { preprocessGrayImage } from '../src/data/preprocess/preprocess-image';
import { createGrayImage } from '../src/data/preprocess/gray-image';
import { deserializeModel } from '../src/nn/model-file';
import { denseParamsOf } from '../src/nn/model-params';
import { predictOne } from '../src/nn/predict';
import type { NetworkParams } from '../src/nn/types';
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

const DEFAULT_MODEL = 'public/models/default.dlm';
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

function classify(params: NetworkParams, input: Float32Array | null): number {
  // No ink found counts as a wrong answer, never as skipped.
  return input === null ? -1 : argmax(predictOne(params, input).probabilities);
}

function main(): void {
  const modelPath = process.argv[2] ?? DEFAULT_MODEL;
  const file = deserializeModel(new Uint8Array(readFileSync(modelPath)));
  const dense = denseParamsOf(file.params);
  if (dense === null) {
    console.error(`robustness: ${modelPath} has conv or pool layers; this check reads dense networks`);
    process.exit(1);
  }
  const model = { ...file, params: dense };
  const test = loadMnistFromDisk('test');
  const pixels = test.rows * test.cols;
  const correctDirect = new Array<number>(CONDITIONS.length).fill(0);
  const correctPreprocessed = new Array<number>(CONDITIONS.length).fill(0);
  const correctThinned = new Array<number>(CONDITIONS.length).fill(0);
  const digit = new Float32Array(pixels);
  for (let n = 0; n < test.count; n++) {
    for (let i = 0; i < pixels; i++) digit[i] = test.images[n * pixels + i] / 255;
    const label = test.labels[n];
    CONDITIONS.forEach((condition, c) => {
      const { direct, raster } = condition.distort(digit);
      if (classify(model.params, direct) === label) correctDirect[c] += 1;
      const prepared = preprocessGrayImage(createGrayImage(raster.width, raster.height, raster.data));
      if (classify(model.params, prepared?.input ?? null) === label) correctPreprocessed[c] += 1;
      const thinned = prepared ? normaliseStrokeWidth(prepared.input, MAX_STROKE_WIDTH) : null;
      if (classify(model.params, thinned) === label) correctThinned[c] += 1;
    });
  }

  const pct = (correct: number) => (100 * correct) / test.count;
  const plainWith = pct(correctPreprocessed[0]);
  console.log(`model ${modelPath} (${model.params.layerSizes.join('-')}), ${test.count} MNIST test digits\n`);
  console.log(
    `| condition | without preprocessing | with preprocessing | with, vs undistorted with | with + stroke-width normalisation (thin if > ${MAX_STROKE_WIDTH} px) |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  const json: Record<string, { without: number; with: number; withWidthNormalisation: number }> = {};
  CONDITIONS.forEach((condition, c) => {
    const without = pct(correctDirect[c]);
    const withPre = pct(correctPreprocessed[c]);
    const thinnedPct = pct(correctThinned[c]);
    json[condition.name] = {
      without: Number(without.toFixed(2)),
      with: Number(withPre.toFixed(2)),
      withWidthNormalisation: Number(thinnedPct.toFixed(2)),
    };
    const delta = withPre - plainWith;
    console.log(
      `| ${condition.label} | ${without.toFixed(2)}% | ${withPre.toFixed(2)}% | ${c === 0 ? '' : `${delta >= 0 ? '+' : ''}${delta.toFixed(2)}`} | ${thinnedPct.toFixed(2)}% |`,
    );
  });
  console.log(`\n${JSON.stringify({ robustness: json, model: modelPath, samples: test.count })}`);
}

main();
