// The CNN part of `npm run bench`: the CNN preset's epoch in the app's worker in Chromium, taking turns with the
// NumPy float32 twin's im2col epoch of the same layers, and the time to 99.0% test accuracy for several seeds.
import type { BenchEvaluation } from '../src/bench/bench-hook';
import type { TrainingConfig } from '../src/nn/types';
import { presetById } from '../src/state/training-presets';
import { DRAWN_DIGITS } from '../tests/browser/draw-strokes';
import { drawOnPad } from '../tests/browser/harness';
import { timeEpochs, withBenchPage, type BenchPage, type ChromiumEpoch } from './chromium';
import { numpyEpoch, type NumpyEpoch } from './numpy-epoch';

export const CNN_TARGET_ACCURACY = 0.99;
/** Steps on a throwaway run before the timed epoch: a CNN step is ten times a dense one, so fewer settle the JIT. */
const CNN_WARM_UP_STEPS = 60;

export interface CnnSeedRun {
  readonly seed: number;
  /** Seconds from the start of training to the first whole-test evaluation at or above the target; null: never. */
  readonly firstReachedSeconds: number | null;
  /** Seconds to the evaluation from which every later one stayed at or above the target; null: it did not hold. */
  readonly heldSeconds: number | null;
  readonly finalAccuracy: number;
  readonly evaluations: readonly BenchEvaluation[];
  readonly engine: string;
  readonly workers: number;
}

export interface CnnBenchResult {
  readonly layers: string;
  readonly batchSize: number;
  /** The NumPy twin's fastest epoch (its batch is 128: its best case) of every round, either BLAS threading. */
  readonly numpy32: (NumpyEpoch & { readonly rounds: (number | string)[] }) | { readonly error: string };
  /** Every Chromium epoch, each round's worker counts in turn. */
  readonly chromiumEpochs: readonly ChromiumEpoch[];
  /** The fastest Chromium epoch. */
  readonly chromium: ChromiumEpoch | { readonly error: string };
  /** The fastest Chromium epoch over the fastest NumPy epoch, and the same per round (the two ran together). */
  readonly ratioToNumpy: number | null;
  readonly pairedRatios: readonly number[];
  readonly timeToTarget: readonly CnnSeedRun[];
  /** Median over seeds of heldSeconds (a seed that did not hold counts as never). */
  readonly medianHeldSeconds: number | null;
  /** The longest main-thread task while any CNN epoch trained. */
  readonly longestTaskMs: number | null;
  /** The longest main-thread task while a CNN trained with Inspect open on a drawn digit (its maps live). */
  readonly inspectWhileTraining:
    { readonly longestTaskMs: number; readonly seconds: number } | { readonly error: string };
}

export interface CnnBenchOptions {
  readonly rounds: number;
  readonly seeds: readonly number[];
  /** Use the bench build as it is (the dense part just made it). */
  readonly reuseBuild: boolean;
  readonly log: (line: string) => void;
}

function cnnPresetConfig(): TrainingConfig {
  const preset = presetById('cnn');
  if (!preset) throw new Error('the CNN preset is missing from src/state/training-presets.ts');
  return preset.config;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** When the run first reached the target, and from which evaluation on it stayed there. */
export function targetTimes(
  evaluations: readonly BenchEvaluation[],
  target: number,
): { firstReachedSeconds: number | null; heldSeconds: number | null } {
  const first = evaluations.find((e) => e.testAccuracy >= target);
  let held: BenchEvaluation | null = null;
  for (let i = evaluations.length - 1; i >= 0 && evaluations[i].testAccuracy >= target; i--) {
    held = evaluations[i];
  }
  return { firstReachedSeconds: first?.seconds ?? null, heldSeconds: held?.seconds ?? null };
}

/** Seconds of training watched on Inspect, after the place has loaded and a digit is drawn on its pad. */
const INSPECT_WATCH_SECONDS = 20;

/**
 * A CNN trains while Inspect shows a drawn digit, so its feature maps and dense views update live: the longest
 * main-thread task over INSPECT_WATCH_SECONDS, as the epochs' are measured.
 */
async function inspectWhileTraining(
  bench: BenchPage,
  config: TrainingConfig,
  workers: number,
): Promise<{ longestTaskMs: number; seconds: number }> {
  const { page } = bench;
  await page.evaluate(([config, workers]) => window.__digitLabBench!.startRun(config, workers), [
    config,
    workers,
  ] as const);
  try {
    await page.evaluate(() => (location.hash = '#/inspect'));
    const pad = page.locator('[data-testid="inspect-sketch"] canvas');
    await pad.waitFor({ timeout: 60_000 });
    await drawOnPad(page, pad, DRAWN_DIGITS[0].strokes);
    await page.waitForTimeout(3000);
    await bench.resetLongTasks();
    await page.waitForTimeout(INSPECT_WATCH_SECONDS * 1000);
    return { longestTaskMs: await bench.longestSinceReset(), seconds: INSPECT_WATCH_SECONDS };
  } finally {
    await page.evaluate(() => window.__digitLabBench!.stopRun());
    await page.evaluate(() => (location.hash = '#/train'));
  }
}

const bestNumpy = (measured: NumpyEpoch[]) =>
  measured.reduce((a, b) => (b.secondsPerEpoch < a.secondsPerEpoch ? b : a));

export async function runCnnBench(options: CnnBenchOptions): Promise<CnnBenchResult> {
  const config = cnnPresetConfig();
  const layers = config.layers ?? '';
  const numpyRounds: (NumpyEpoch | { error: string })[][] = [];
  const chromiumEpochs: ChromiumEpoch[] = [];
  const pairedRatios: number[] = [];
  let chromiumError: string | null = null;
  const timeToTarget: CnnSeedRun[] = [];
  let inspect: CnnBenchResult['inspectWhileTraining'] = { error: 'not run' };
  for (let round = 0; round < options.rounds; round++) {
    const of = `round ${round + 1} of ${options.rounds}`;
    options.log(`bench: CNN, NumPy float32 im2col epoch (${of})...`);
    const numpy = [numpyEpoch('float32', undefined, layers)];
    options.log(`bench: CNN, NumPy float32 im2col epoch, one BLAS thread (${of})...`);
    numpy.push(numpyEpoch('float32', 1, layers));
    numpyRounds.push(numpy);
    options.log(
      round === 0
        ? `bench: CNN, Chromium (${of}): an epoch of the CNN preset in the app's worker, then the time to ${CNN_TARGET_ACCURACY * 100}% for seeds ${options.seeds.join(', ')}...`
        : `bench: CNN, Chromium (${of}): an epoch of the CNN preset in the app's worker...`,
    );
    try {
      await withBenchPage({ reuseBuild: options.reuseBuild || round > 0 }, async (bench) => {
        const epochs = await timeEpochs(bench, { ...config, epochs: 1 }, CNN_WARM_UP_STEPS, [1, 'all']);
        chromiumEpochs.push(...epochs);
        const measured = numpy.filter((r): r is NumpyEpoch => 'secondsPerEpoch' in r);
        if (measured.length > 0) {
          const fastest = Math.min(...epochs.map((e) => e.secondsPerEpoch));
          pairedRatios.push(fastest / bestNumpy(measured).secondsPerEpoch);
        }
        if (round > 0) return;
        const workers = Math.max(...epochs.map((e) => e.workers));
        options.log('bench: CNN, Chromium: Inspect open on a drawn digit while the CNN trains...');
        inspect = await inspectWhileTraining(bench, config, workers).catch((error: unknown) => ({
          error: `Inspect while training failed: ${error instanceof Error ? error.message : String(error)}`,
        }));
        for (const seed of options.seeds) {
          options.log(`bench: CNN, Chromium: the CNN preset from seed ${seed}, all epochs...`);
          const run = await bench.page.evaluate(
            ([config, target, workers]) =>
              window.__digitLabBench!.timeToAccuracy(config, target, workers, false),
            [{ ...config, seed }, CNN_TARGET_ACCURACY, workers] as const,
          );
          timeToTarget.push({
            seed,
            ...targetTimes(run.evaluations, CNN_TARGET_ACCURACY),
            finalAccuracy: run.evaluations.at(-1)?.testAccuracy ?? 0,
            evaluations: run.evaluations,
            engine: run.engine,
            workers: run.workers,
          });
        }
      });
    } catch (error) {
      chromiumError = `the Chromium run failed: ${error instanceof Error ? error.message : String(error)}`;
      options.log(`bench: CNN, ${chromiumError}`);
    }
  }
  const measuredNumpy = numpyRounds.flat().filter((r): r is NumpyEpoch => 'secondsPerEpoch' in r);
  const numpy32 =
    measuredNumpy.length > 0
      ? {
          ...bestNumpy(measuredNumpy),
          rounds: numpyRounds.flat().map((r) => ('secondsPerEpoch' in r ? r.secondsPerEpoch : r.error)),
        }
      : { error: numpyRounds.flat().find((r) => 'error' in r)?.error ?? 'not run' };
  const chromium =
    chromiumEpochs.length > 0
      ? chromiumEpochs.reduce((a, b) => (b.secondsPerEpoch < a.secondsPerEpoch ? b : a))
      : { error: chromiumError ?? 'not run' };
  const ratioToNumpy =
    'secondsPerEpoch' in chromium && 'secondsPerEpoch' in numpy32
      ? chromium.secondsPerEpoch / numpy32.secondsPerEpoch
      : null;
  const held = timeToTarget.map((r) => r.heldSeconds ?? Infinity);
  const medianHeld = median(held);
  return {
    layers,
    batchSize: config.batchSize,
    numpy32,
    chromiumEpochs,
    chromium,
    ratioToNumpy,
    pairedRatios,
    timeToTarget,
    medianHeldSeconds: medianHeld === null || !Number.isFinite(medianHeld) ? null : medianHeld,
    longestTaskMs: chromiumEpochs.length > 0 ? Math.max(...chromiumEpochs.map((e) => e.longestTaskMs)) : null,
    inspectWhileTraining: inspect,
  };
}

/** The CNN part's lines of the bench's table. */
export function cnnReport(r: CnnBenchResult): string {
  const lines = [`CNN preset: ${r.layers}, batch ${r.batchSize} (NumPy twin: batch 128)`];
  if ('secondsPerEpoch' in r.numpy32) {
    lines.push(
      `  NumPy float32 im2col epoch: ${r.numpy32.secondsPerEpoch.toFixed(1)} s (rounds: ${r.numpy32.rounds.map((s) => (typeof s === 'number' ? s.toFixed(1) : s)).join(', ')})`,
    );
  } else lines.push(`  NumPy float32: ${r.numpy32.error}`);
  if ('secondsPerEpoch' in r.chromium) {
    const c = r.chromium;
    lines.push(
      `  Chromium epoch (app's worker, ${c.engine}, ${c.workers} worker${c.workers === 1 ? '' : 's'}): ${c.secondsPerEpoch.toFixed(1)} s, ${Math.round(c.samplesPerSecond)} samples/s`,
      `  every Chromium epoch: ${r.chromiumEpochs.map((e) => `${e.secondsPerEpoch.toFixed(1)} s on ${e.workers}`).join(', ')}`,
    );
  } else lines.push(`  Chromium: ${r.chromium.error}`);
  if (r.ratioToNumpy !== null) {
    lines.push(
      `  Chromium over NumPy: ${r.ratioToNumpy.toFixed(2)} (round by round: ${r.pairedRatios.map((x) => x.toFixed(2)).join(', ')}; target at most 0.5)`,
    );
  }
  for (const run of r.timeToTarget) {
    const at = (s: number | null) => (s === null ? 'never' : `${s.toFixed(1)} s`);
    lines.push(
      `  seed ${run.seed}: ${CNN_TARGET_ACCURACY * 100}% first at ${at(run.firstReachedSeconds)}, held from ${at(run.heldSeconds)}; ` +
        `final ${(run.finalAccuracy * 100).toFixed(2)}% (${run.workers} worker${run.workers === 1 ? '' : 's'}; epochs ${run.evaluations.map((e) => (e.testAccuracy * 100).toFixed(2)).join(', ')})`,
    );
  }
  lines.push(
    `  time to ${CNN_TARGET_ACCURACY * 100}% (median over seeds, held to the end): ${r.medianHeldSeconds === null ? 'not reached' : `${r.medianHeldSeconds.toFixed(1)} s`} (target under 60 s)`,
    `  longest main-thread task while the CNN trained: ${r.longestTaskMs === null ? '—' : `${r.longestTaskMs.toFixed(0)} ms`}`,
    'longestTaskMs' in r.inspectWhileTraining
      ? `  longest main-thread task with Inspect open while the CNN trained (${r.inspectWhileTraining.seconds} s): ${r.inspectWhileTraining.longestTaskMs.toFixed(0)} ms (target under 50 ms)`
      : `  Inspect while training: ${r.inspectWhileTraining.error}`,
  );
  return lines.join('\n') + '\n';
}
