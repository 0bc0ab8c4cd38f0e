// One training step of a layer-list network (default: the CNN `conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100`)
// at batch 128 in the Node engine, with the NumPy twin's step for comparison; one JSON line on stdout.
//   npx tsx bench/cnn-step.ts [--layers 'conv 8@5x5, pool 2, dense 100'] [--steps 30] [--skip-numpy] [--wasm]
//                             [--epoch] [--phases]
// --epoch then finishes the first epoch and adds its seconds and the test accuracy (reference momentum, α 0.1).
// --wasm runs on the WebAssembly SIMD kernels: the workspace in their memory, each conv layer one call.
// --phases then times each layer's forward and backward alone (median of 20) on the trained weights.
// Each side takes the median over its timed steps (after a warm-up): the machine's speed drifts between runs.
import { spawnSync } from 'node:child_process';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { formatLayerList } from '../src/nn/layer';
import { parseLayerList } from '../src/nn/layer-list';
import { createLayerNetwork } from '../src/nn/layer-network';
import { typescriptKernels } from '../src/nn/kernels';
import { evaluateLayers } from '../src/nn/layer-evaluate';
import { LayerTrainer } from '../src/nn/layer-trainer';
import { REFERENCE_CONFIG } from '../src/nn/types';
import { loadWasmKernelsNode } from '../src/wasm/load-kernels-node';
import { timePhases } from './layer-phases';

const WARM_UP_STEPS = 5;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const layers = parseLayerList(option('layers', 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100'));
const steps = Number(option('steps', '30'));
const train = loadMnistFromDisk('train');
const kernels = process.argv.includes('--wasm') ? await loadWasmKernelsNode() : typescriptKernels;
const config = { ...REFERENCE_CONFIG, learningRate: 0.1 };
const params = createLayerNetwork(layers, 1);
const trainer = new LayerTrainer(params, config, train, kernels);
const stepMs: number[] = [];
for (let i = 0; i < WARM_UP_STEPS + steps; i++) {
  const started = performance.now();
  trainer.step();
  if (i >= WARM_UP_STEPS) stepMs.push(performance.now() - started);
}
stepMs.sort((a, b) => a - b);
const median = (values: number[]) => values[Math.floor(values.length / 2)];

let epoch: { seconds: number; testAccuracy: number } | null = null;
if (process.argv.includes('--epoch')) {
  const started = performance.now();
  while (trainer.epoch === 0) trainer.step();
  const seconds = (performance.now() - started) / 1000 + stepMs.reduce((s, v) => s + v, 0) / 1000;
  epoch = {
    seconds,
    testAccuracy: evaluateLayers(params, loadMnistFromDisk('test'), undefined, kernels).accuracy,
  };
  console.error(
    `first epoch: ${seconds.toFixed(0)} s, test accuracy ${(100 * epoch.testAccuracy).toFixed(2)}%`,
  );
}

const phases = process.argv.includes('--phases') ? timePhases(params, train, kernels) : null;
if (phases !== null) {
  for (const [phase, ms] of Object.entries(phases))
    console.error(`  ${phase.padEnd(28)} ${ms.toFixed(2)} ms`);
}

let numpyStepMs: number | null = null;
if (!process.argv.includes('--skip-numpy')) {
  const run = spawnSync(
    'python3',
    ['bench/numpy_reference.py', '--bench', '--dtype', 'float32', '--layers', formatLayerList(layers)],
    { encoding: 'utf8' },
  );
  if (run.status === 0)
    numpyStepMs = (JSON.parse(run.stdout) as { secondsPerStep: number }).secondsPerStep * 1000;
  else console.error(`the NumPy twin failed: ${run.stderr}`);
}
console.error(
  `${formatLayerList(layers)}, batch ${REFERENCE_CONFIG.batchSize}: ${kernels.name} ${median(stepMs).toFixed(0)} ms/step ` +
    `(fastest ${stepMs[0].toFixed(0)}), NumPy float32 ${numpyStepMs === null ? '—' : numpyStepMs.toFixed(0)} ms/step`,
);
console.log(
  JSON.stringify({
    layers: formatLayerList(layers),
    batch: REFERENCE_CONFIG.batchSize,
    kernels: kernels.name,
    medianMs: median(stepMs),
    fastestMs: stepMs[0],
    numpyMs: numpyStepMs,
    epoch,
    phases,
  }),
);
