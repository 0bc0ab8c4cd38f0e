// `npm run bench`: one epoch of the reference network in the Node engine and in the NumPy twin, plus the
// latency of one digit's forward pass; a table on stderr and one JSON line on stdout (keys in the README).
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { evaluate } from '../src/nn/evaluate';
import { createNetwork } from '../src/nn/network';
import { predictOne } from '../src/nn/predict';
import { PIXEL_SCALE } from '../src/nn/sparse-rows';
import { Trainer } from '../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset } from '../src/nn/types';

const REFERENCE_SIZES = [784, 200, 100, 25, 10];
const WARM_UP_STEPS = 30;
const FORWARD_RUNS = 2000;

interface EpochMeasurement {
  secondsPerEpoch: number;
  samplesPerSecond: number;
  testAccuracy: number;
  /** This run's seconds over the faster NumPy twin's (below 1 = faster than NumPy). */
  ratioToNumpy?: number;
  [detail: string]: unknown;
}

function nodeEpoch(train: Dataset, test: Dataset): EpochMeasurement {
  // Warm the JIT on a throwaway trainer so the timed epoch starts at batch 0 with compiled kernels.
  const warmUp = new Trainer(createNetwork(REFERENCE_SIZES, 99), REFERENCE_CONFIG, train);
  for (let i = 0; i < WARM_UP_STEPS; i++) warmUp.step();
  const params = createNetwork(REFERENCE_SIZES, REFERENCE_CONFIG.seed);
  const trainer = new Trainer(params, REFERENCE_CONFIG, train);
  const startedMs = performance.now();
  do trainer.step();
  while (trainer.batchInEpoch !== 0);
  const seconds = (performance.now() - startedMs) / 1000;
  return {
    engine: trainer.kernels.name,
    secondsPerEpoch: seconds,
    samplesPerSecond: train.count / seconds,
    testAccuracy: evaluate(params, test).accuracy,
  };
}

function forwardLatency(test: Dataset): { medianMs: number; p90Ms: number; runs: number } {
  const params = createNetwork(REFERENCE_SIZES, REFERENCE_CONFIG.seed);
  const digits = Array.from({ length: 100 }, (_, d) =>
    Float32Array.from(test.images.subarray(d * 784, (d + 1) * 784), (byte) => PIXEL_SCALE[byte]),
  );
  for (let i = 0; i < 500; i++) predictOne(params, digits[i % digits.length]);
  const times: number[] = [];
  for (let i = 0; i < FORWARD_RUNS; i++) {
    const startedMs = performance.now();
    predictOne(params, digits[i % digits.length]);
    times.push(performance.now() - startedMs);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[FORWARD_RUNS >> 1],
    p90Ms: times[Math.floor(FORWARD_RUNS * 0.9)],
    runs: FORWARD_RUNS,
  };
}

function numpyEpoch(dtype: 'float32' | 'float64'): EpochMeasurement | { error: string } {
  const run = spawnSync('python3', ['bench/numpy_reference.py', '--bench', '--dtype', dtype], {
    encoding: 'utf8',
  });
  if (run.status !== 0)
    return { error: `python3 bench/numpy_reference.py failed: ${run.stderr || run.error}` };
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  return {
    secondsPerEpoch: result.secondsPerEpoch,
    samplesPerSecond: result.samplesPerSecond,
    testAccuracy: result.testAccuracy,
  };
}

function main(): void {
  const train = loadMnistFromDisk('train');
  const test = loadMnistFromDisk('test');
  process.stderr.write('bench: NumPy float64 epoch...\n');
  const numpy64 = numpyEpoch('float64');
  process.stderr.write('bench: NumPy float32 epoch...\n');
  const numpy32 = numpyEpoch('float32');
  process.stderr.write('bench: Node engine epoch...\n');
  const node = nodeEpoch(train, test);
  const forward = forwardLatency(test);

  const numpySeconds = [numpy64, numpy32]
    .filter((r): r is EpochMeasurement => 'secondsPerEpoch' in r)
    .map((r) => r.secondsPerEpoch);
  const fastestNumpy = numpySeconds.length > 0 ? Math.min(...numpySeconds) : undefined;
  for (const r of [numpy64, numpy32, node]) {
    if ('secondsPerEpoch' in r && fastestNumpy !== undefined)
      r.ratioToNumpy = r.secondsPerEpoch / fastestNumpy;
  }
  const rows: [string, EpochMeasurement | { error: string }][] = [
    ['numpy64', numpy64],
    ['numpy32', numpy32],
    ['node', node],
  ];
  process.stderr.write('\nrun        s/epoch   samples/s   test acc   ratio to NumPy\n');
  for (const [name, r] of rows) {
    process.stderr.write(
      'secondsPerEpoch' in r
        ? `${name.padEnd(9)} ${r.secondsPerEpoch.toFixed(2).padStart(8)} ${Math.round(r.samplesPerSecond).toString().padStart(11)} ` +
            `${(r.testAccuracy * 100).toFixed(2).padStart(9)}% ${(r.ratioToNumpy ?? NaN).toFixed(2).padStart(16)}\n`
        : `${name.padEnd(9)} ${r.error}\n`,
    );
  }
  process.stderr.write(`forward pass of one digit: median ${(forward.medianMs * 1000).toFixed(1)} µs\n\n`);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(JSON.stringify({ numpy64, numpy32, node, forward, machine }));
}

main();
