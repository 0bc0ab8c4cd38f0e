// One timed epoch of the NumPy twin (bench/numpy_reference.py --bench), for the bench scripts.
import { spawnSync } from 'node:child_process';

// A type, not an interface, so bench/run.ts can keep it among measurements with extra details.
export type NumpyEpoch = {
  secondsPerEpoch: number;
  samplesPerSecond: number;
  testAccuracy: number;
};

/**
 * `threads` caps OpenBLAS (unset: its default, one per core). `layers`: a layer list's epoch in the im2col form
 * at batch 128 instead of the reference network's.
 */
export function numpyEpoch(
  dtype: 'float32' | 'float64',
  threads?: number,
  layers?: string,
): NumpyEpoch | { error: string } {
  const env = threads === undefined ? process.env : { ...process.env, OPENBLAS_NUM_THREADS: String(threads) };
  const layerArgs = layers === undefined ? [] : ['--epoch', '--layers', layers];
  const run = spawnSync('python3', ['bench/numpy_reference.py', '--bench', '--dtype', dtype, ...layerArgs], {
    encoding: 'utf8',
    env,
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
