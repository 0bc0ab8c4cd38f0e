// The Chromium part of `npm run bench`: the built app, served cross-origin isolated, trains in its real worker.
// Alone, for the main thread's smoothness:
//   npx tsx bench/chromium.ts --smoothness [--runs 3] [--workers 1,all] [--reuse-build] [--dist DIR]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEpochResult, BenchTimeToAccuracy } from '../src/bench/bench-hook';
import { REFERENCE_CONFIG, type TrainingConfig } from '../src/nn/types';
import type { Page } from 'playwright-core';
import { launchBrowser, startStaticServer } from '../tests/browser/harness';
import { PROJECT_ROOT } from '../tests/browser/harness/paths';

/** A build of its own, so the bench never disturbs the dist/ the browser tests check. */
const BENCH_DIST = join(PROJECT_ROOT, '.bench', 'dist');

/**
 * Steps before a timed epoch, on a throwaway run: the JIT settles in about this many on a busy 2-core machine
 * (its optimising compiles wait for a core), so the epoch measures the trained-in speed a 20-epoch run has.
 */
export const WARM_UP_STEPS = 300;

export interface ChromiumBenchOptions {
  readonly config: TrainingConfig;
  readonly warmUpSteps: number;
  /** The preset timed to `targetAccuracy`; null skips that measurement. */
  readonly fastestPreset: TrainingConfig | null;
  readonly targetAccuracy: number;
  /** Skip `vite build` and use the last bench build. */
  readonly reuseBuild: boolean;
  /** Where the bench build goes (default .bench/dist), so a second bench can run beside another's build. */
  readonly distDir?: string;
  /** Only the epoch and its long tasks: no forward latency, no time to target. */
  readonly smoothnessOnly?: boolean;
  /**
   * Worker counts to time an epoch with, one after the other in the same page; 'all' is every core the page
   * offers (navigator.hardwareConcurrency), and the fastest preset trains with the last count. Default [1, 'all'].
   */
  readonly workerCounts?: readonly (number | 'all')[];
}

export interface ChromiumEpoch extends BenchEpochResult {
  /** Longest main-thread task while this epoch trained. */
  readonly longestTaskMs: number;
}

/** The fastest epoch's figures at the top level (as the JSON's `chromium`), every epoch in `epochs`. */
export interface ChromiumBenchResult extends BenchEpochResult {
  /** Longest main-thread task while the fastest epoch trained, from a PerformanceObserver('longtask'). */
  readonly longestTaskMs: number;
  readonly epochs: readonly ChromiumEpoch[];
  /** The page's navigator.hardwareConcurrency. */
  readonly cores: number;
  /** What the observer saw of a deliberate 60 ms task: shows the measurement works. */
  readonly probeTaskMs: number;
  readonly crossOriginIsolated: boolean;
  readonly forwardLatencyMs: number;
  readonly timeToTarget: BenchTimeToAccuracy | null;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function buildApp(distDir: string): void {
  run('node', ['scripts/generate-assets.mjs']);
  run('node', ['scripts/build-wasm.mjs']);
  run('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error']);
}

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

/** A page of the bench build with its long-task observer proven on a deliberate 60 ms task. */
export interface BenchPage {
  readonly page: Page;
  readonly crossOriginIsolated: boolean;
  /** The page's navigator.hardwareConcurrency. */
  readonly cores: number;
  /** What the observer saw of the deliberate 60 ms task. */
  readonly probeTaskMs: number;
  readonly pageErrors: readonly string[];
  resetLongTasks(): Promise<void>;
  /** The longest main-thread task since the last reset, after giving late entries a moment. */
  longestSinceReset(): Promise<number>;
}

/** Serves the bench build cross-origin isolated, opens the Train place with ?bench and runs `use` on it. */
export async function withBenchPage<T>(
  options: { readonly reuseBuild: boolean; readonly distDir?: string },
  use: (bench: BenchPage) => Promise<T>,
): Promise<T> {
  const distDir = options.distDir ?? BENCH_DIST;
  if (!options.reuseBuild) buildApp(distDir);
  const server = await startStaticServer({ root: distDir, basePath: '/digit-lab/', coopCoep: true });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Registered before any page script runs, so no long task of the page escapes it.
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url('?bench#/train'));
    await page.waitForFunction(() => window.__digitLabBench !== undefined, undefined, { timeout: 60_000 });
    const crossOriginIsolated = await page.evaluate(() => window.crossOriginIsolated);

    const longestSoFar = () => page.evaluate(() => Math.max(0, ...(window.__longTasks ?? [])));
    const resetLongTasks = async () => {
      await page.evaluate(() => (window.__longTasks = []));
    };
    await resetLongTasks();
    await page.evaluate(() => window.__digitLabBench?.blockMainThread(60));
    await page
      .waitForFunction(() => Math.max(0, ...(window.__longTasks ?? [])) >= 60, undefined, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const probeTaskMs = await longestSoFar();
    if (probeTaskMs < 60) {
      throw new Error(`the long-task observer missed a deliberate 60 ms task (saw ${probeTaskMs} ms)`);
    }
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const result = await use({
      page,
      crossOriginIsolated,
      cores,
      probeTaskMs,
      pageErrors,
      resetLongTasks,
      async longestSinceReset() {
        // Long-task entries are delivered asynchronously, late on a busy machine: give the observer a moment.
        await page.waitForTimeout(1000);
        return longestSoFar();
      },
    });
    if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Epochs of `config` in the app's worker, one per worker count, each with its longest main-thread task. */
export async function timeEpochs(
  bench: BenchPage,
  config: TrainingConfig,
  warmUpSteps: number,
  workerCounts: readonly (number | 'all')[],
): Promise<ChromiumEpoch[]> {
  const counts = [...new Set(workerCounts.map((c) => (c === 'all' ? bench.cores : c)))];
  const epochs: ChromiumEpoch[] = [];
  for (const workers of counts) {
    await bench.resetLongTasks();
    const epoch = await bench.page.evaluate(
      ([config, warmUpSteps, count]) => window.__digitLabBench!.trainEpoch(config, warmUpSteps, count),
      [config, warmUpSteps, workers] as const,
    );
    epochs.push({ ...epoch, longestTaskMs: await bench.longestSinceReset() });
  }
  return epochs;
}

export async function runChromiumBench(options: ChromiumBenchOptions): Promise<ChromiumBenchResult> {
  return withBenchPage(options, async (bench) => {
    const { page, cores, probeTaskMs, crossOriginIsolated } = bench;
    const workerCounts = options.workerCounts ?? [1, 'all'];
    const epochs = await timeEpochs(bench, options.config, options.warmUpSteps, workerCounts);
    const fastest = epochs.reduce((a, b) => (b.secondsPerEpoch < a.secondsPerEpoch ? b : a));
    const summary = { ...fastest, epochs, cores, probeTaskMs, crossOriginIsolated };
    if (options.smoothnessOnly) return { ...summary, forwardLatencyMs: NaN, timeToTarget: null };

    const latency = await page.evaluate(
      (sizes) => window.__digitLabBench!.forwardLatency(sizes, 50),
      [784, ...options.config.hiddenSizes, 10],
    );

    let timeToTarget: BenchTimeToAccuracy | null = null;
    const lastCount = workerCounts[workerCounts.length - 1];
    if (options.fastestPreset) {
      timeToTarget = await page.evaluate(
        ([config, target, workers]) => window.__digitLabBench!.timeToAccuracy(config, target, workers),
        [options.fastestPreset, options.targetAccuracy, lastCount === 'all' ? cores : lastCount] as const,
      );
    }
    return { ...summary, forwardLatencyMs: latency.medianMs, timeToTarget };
  });
}

/** `--smoothness`: repeated epochs in Chromium, each one's longest main-thread task, and their median. */
async function smoothnessMain(args: readonly string[]): Promise<void> {
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const runs = Number(flag('--runs') ?? 3);
  // --workers 1,all (the default): an epoch on each count per run.
  const workerCounts = (flag('--workers') ?? '1,all')
    .split(',')
    .map((c) => (c === 'all' ? ('all' as const) : Number(c)));
  const distDir = flag('--dist');
  const longest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await runChromiumBench({
      config: REFERENCE_CONFIG,
      warmUpSteps: WARM_UP_STEPS,
      fastestPreset: null,
      targetAccuracy: 0,
      reuseBuild: i > 0 || args.includes('--reuse-build'),
      distDir: distDir === undefined ? undefined : resolve(distDir),
      smoothnessOnly: true,
      workerCounts,
    });
    for (const epoch of result.epochs) {
      longest.push(epoch.longestTaskMs);
      process.stderr.write(
        `run ${i + 1}: longest main-thread task ${epoch.longestTaskMs.toFixed(0)} ms, ` +
          `epoch ${epoch.secondsPerEpoch.toFixed(2)} s (run ${epoch.runSeconds.toFixed(2)} s with ${epoch.evaluationSeconds.toFixed(2)} s of evaluation; ${epoch.engine}, ${epoch.workers} workers), ` +
          `load ${loadavg()[0].toFixed(1)}\n`,
      );
    }
  }
  const sorted = [...longest].sort((a, b) => a - b);
  console.log(
    JSON.stringify({ longestTaskMs: longest, medianLongestTaskMs: sorted[Math.floor(sorted.length / 2)] }),
  );
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  process.argv.includes('--smoothness')
) {
  await smoothnessMain(process.argv.slice(2));
}
