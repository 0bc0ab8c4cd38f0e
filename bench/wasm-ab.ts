// Whole training steps on two or more builds of the WebAssembly kernels, interleaved in one process:
//   npx tsx bench/wasm-ab.ts old.wasm src/generated/digit-kernels.wasm [--rounds 20] [--steps 50]
// This machine's speed drifts by a third within minutes, so builds timed one after the other compare the drift;
// taking turns every few dozen steps in one process is what shows a 3–5% difference (it showed that unrolling the
// row sum and touching W₀ᵀ before the sparse products change nothing). Build a variant with asc into a path of
// your own (see scripts/build-wasm.mjs); the shared-memory builds need a parallel run, not this. Give the same
// build twice to see the noise floor: 3% between identical builds over 6 rounds of 40 steps.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { createInThreadShardedTrainer } from '../src/nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../src/nn/mini-batch-trainer';
import { createNetwork } from '../src/nn/network';
import { REFERENCE_CONFIG } from '../src/nn/types';
import { instantiateKernels } from '../src/wasm/instantiate-kernels';

const WARM_UP_STEPS = 100;

const { values: options, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '20' }, steps: { type: 'string', default: '50' } },
});
if (builds.length < 1) {
  console.error('usage: npx tsx bench/wasm-ab.ts a.wasm [b.wasm ...] [--rounds 20] [--steps 50]');
  process.exit(2);
}
const rounds = Number(options.rounds);
const stepsPerTurn = Number(options.steps);

const train = loadMnistFromDisk('train');
const contenders: { build: string; trainer: MiniBatchTrainer; milliseconds: number; steps: number }[] = [];
for (const build of builds) {
  const kernels = await instantiateKernels(await WebAssembly.compile(readFileSync(build)));
  const trainer = createInThreadShardedTrainer(
    createNetwork([784, ...REFERENCE_CONFIG.hiddenSizes, 10], 1),
    REFERENCE_CONFIG,
    train,
    1,
    kernels,
  );
  for (let s = 0; s < WARM_UP_STEPS; s++) trainer.step();
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
