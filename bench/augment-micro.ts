// Where an augmented epoch's extra time goes, in Node: distorting 60,000 digits (TypeScript twin and
// WebAssembly SIMD kernel), and the first layer's sparse products on distorted digits against plain ones.
//   npx tsx bench/augment-micro.ts [--reps 3]
import { parseArgs } from 'node:util';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { DEFAULT_AUGMENTATION, type Augmentation } from '../src/nn/augmentation';
import { BatchImages } from '../src/nn/batch-images';
import { typescriptKernels, type Kernels } from '../src/nn/kernels';
import { SeededRandom } from '../src/nn/random';
import { createSparseRows, fillSparseRowsWith } from '../src/nn/sparse-rows';
import { REFERENCE_CONFIG, type Dataset } from '../src/nn/types';
import { loadWasmKernelsNode } from '../src/wasm/load-kernels-node';

const ROWS = REFERENCE_CONFIG.batchSize;
const FIRST_UNITS = 200;
const SEED = 5;

const { values: options } = parseArgs({ options: { reps: { type: 'string', default: '3' } } });
const reps = Number(options.reps);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds to prepare one epoch's batches (all 60,000 digits) with `kernels`. */
function augmentEpochMs(train: Dataset, augmentation: Augmentation, kernels: Kernels, order: Uint32Array) {
  const images = new BatchImages(train, augmentation, SEED, ROWS, kernels);
  images.prepare(order, 0, ROWS, 0);
  const times: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const startedMs = performance.now();
    for (let start = 0; start < train.count; start += ROWS) {
      images.prepare(order, start, Math.min(ROWS, train.count - start), rep + 1);
    }
    times.push(performance.now() - startedMs);
  }
  return median(times);
}

/** Mean non-zero pixels per digit, and one epoch of the first layer's sparse products (forward and gradient). */
function firstLayerCost(
  train: Dataset,
  augmentation: Augmentation | undefined,
  kernels: Kernels,
  order: Uint32Array,
) {
  const images = new BatchImages(train, augmentation, SEED, ROWS, kernels);
  const input = createSparseRows(ROWS, 784, kernels);
  const allocate = (length: number) => kernels.allocate?.(length) ?? new Float32Array(length);
  const weightsT = allocate(784 * FIRST_UNITS);
  const random = new SeededRandom(3);
  for (let i = 0; i < weightsT.length; i++) weightsT[i] = random.nextNormal() * 0.05;
  const z = allocate(ROWS * FIRST_UNITS);
  const gradT = allocate(784 * FIRST_UNITS);
  let nonZero = 0;
  let productMs = 0;
  for (let start = 0; start + ROWS <= train.count; start += ROWS) {
    const batch = images.prepare(order, start, ROWS, 1);
    fillSparseRowsWith(kernels, input, batch.images, 784, batch.order, batch.start, ROWS);
    nonZero += input.rowStart[ROWS];
    const startedMs = performance.now();
    kernels.sparseMatmul(z, input, weightsT, ROWS, FIRST_UNITS);
    kernels.sparseMatmulAtB(gradT, input, z, ROWS, 784, FIRST_UNITS);
    productMs += performance.now() - startedMs;
  }
  const batches = Math.floor(train.count / ROWS);
  return { meanNonZero: nonZero / (batches * ROWS), productMs };
}

async function main(): Promise<void> {
  const train = loadMnistFromDisk('train');
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  new SeededRandom(11).shuffle(order);
  const wasm = await loadWasmKernelsNode();
  const variants: [string, Augmentation][] = [
    ['default', DEFAULT_AUGMENTATION],
    ['default, no pen width', { ...DEFAULT_AUGMENTATION, strokeWidth: { probability: 0, strength: 0 } }],
    [
      'default with elastic 34',
      { ...DEFAULT_AUGMENTATION, elastic: { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 } },
    ],
  ];
  const lines: string[] = [];
  const report: Record<string, unknown> = { reps };
  for (const [name, augmentation] of variants) {
    const ts = augmentEpochMs(train, augmentation, typescriptKernels, order);
    const simd = augmentEpochMs(train, augmentation, wasm, order);
    lines.push(
      `augment 60,000 digits (${name}): TypeScript ${ts.toFixed(0)} ms, ${wasm.name} ${simd.toFixed(0)} ms ` +
        `(${(ts / simd).toFixed(1)}×)`,
    );
    report[name] = { typescriptMs: ts, wasmMs: simd };
  }
  const plain = firstLayerCost(train, undefined, wasm, order);
  const distorted = firstLayerCost(train, DEFAULT_AUGMENTATION, wasm, order);
  lines.push(
    `non-zero pixels per digit: plain ${plain.meanNonZero.toFixed(1)}, distorted ${distorted.meanNonZero.toFixed(1)} ` +
      `(${(distorted.meanNonZero / plain.meanNonZero).toFixed(2)}×)`,
    `first layer's sparse products per epoch (${wasm.name}, 1 thread): plain ${plain.productMs.toFixed(0)} ms, ` +
      `distorted ${distorted.productMs.toFixed(0)} ms`,
  );
  report.firstLayer = { plain, distorted };
  process.stderr.write(lines.join('\n') + '\n');
  process.stdout.write(JSON.stringify(report) + '\n');
}

await main();
