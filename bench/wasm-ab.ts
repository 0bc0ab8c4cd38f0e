// Whole training steps on two or more builds of the WebAssembly kernels, interleaved in one process:
//   npx tsx bench/wasm-ab.ts old.wasm src/generated/digit-kernels.wasm [--rounds 20] [--steps 50]
// This machine's speed drifts by a third within minutes, so builds timed one after the other compare the drift;
// taking turns every few dozen steps in one process is what shows a 3–5% difference (it showed that unrolling the
// row sum and touching W₀ᵀ before the sparse products change nothing). Build a variant with asc into a path of
// your own (see scripts/build-wasm.mjs); the shared-memory builds need a parallel run, not this. Give the same
// build twice to see the noise floor: 3% between identical builds over 6 rounds of 40 steps. With --layers
// 'conv 8@5x5, pool 2, …' the contenders train that layer list (LayerTrainer, α 0.1) instead of the dense
// reference network; the build name `typescript` stands for the TypeScript kernels.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { createInThreadShardedTrainer } from '../src/nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../src/nn/mini-batch-trainer';
import { typescriptKernels } from '../src/nn/kernels';
import { parseLayerList } from '../src/nn/layer-list';
import { createLayerNetwork } from '../src/nn/layer-network';
import { LayerTrainer } from '../src/nn/layer-trainer';
import { createNetwork } from '../src/nn/network';
import { REFERENCE_CONFIG } from '../src/nn/types';
import { instantiateKernels } from '../src/wasm/instantiate-kernels';

const WARM_UP_STEPS = 100;

const { values: options, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '20' },
    steps: { type: 'string', default: '50' },
    layers: { type: 'string' },
  },
});
if (builds.length < 1) {
  console.error('usage: npx tsx bench/wasm-ab.ts a.wasm [b.wasm ...] [--rounds 20] [--steps 50]');
  process.exit(2);
}
const rounds = Number(options.rounds);
const stepsPerTurn = Number(options.steps);

const train = loadMnistFromDisk('train');
const contenders: {
  build: string;
  trainer: Pick<MiniBatchTrainer, 'step'>;
  milliseconds: number;
  steps: number;
}[] = [];
for (const build of builds) {
  const kernels =
    build === 'typescript'
      ? typescriptKernels
      : await instantiateKernels(await WebAssembly.compile(readFileSync(build)));
  const trainer =
    options.layers === undefined
      ? createInThreadShardedTrainer(
          createNetwork([784, ...REFERENCE_CONFIG.hiddenSizes, 10], 1),
          REFERENCE_CONFIG,
          train,
          1,
          kernels,
        )
      : new LayerTrainer(
          createLayerNetwork(parseLayerList(options.layers), 1),
          { ...REFERENCE_CONFIG, learningRate: 0.1 },
          train,
          kernels,
        );
  const warmUp = options.layers === undefined ? WARM_UP_STEPS : 5;
  for (let s = 0; s < warmUp; s++) trainer.step();
  contenders.push({ build, trainer, milliseconds: 0, steps: 0 });
}
for (let round = 0; round < rounds; round++) {
  for (const c of contenders) {
    const startedMs = performance.now();
    for (let s = 0; s < stepsPerTurn; s++) c.trainer.step();
    c.milliseconds += performance.now() - startedMs;
    c.steps += stepsPerTurn;
  }
}
const fastest = Math.min(...contenders.map((c) => c.milliseconds / c.steps));
for (const c of contenders) {
  const perStep = c.milliseconds / c.steps;
  console.log(
    `${c.build}: ${(perStep * 1000).toFixed(1)} µs a step (${((perStep / fastest - 1) * 100).toFixed(1)}% over the fastest)`,
  );
}
