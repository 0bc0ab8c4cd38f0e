// window.__digitLabBench: lets `npm run bench` drive the real app's training worker in headless Chromium.
// Installed only when the page URL has ?bench (see main.tsx), so normal visits never carry it.
import { proxy } from 'comlink';
import { createNetwork } from '../nn/network';
import { predictOne } from '../nn/predict';
import { INPUT_SIZE, type TrainingConfig } from '../nn/types';
import { getTrainer } from '../worker/client';
import type { TrainingProgress } from '../worker/training-progress';

export interface BenchEpochResult {
  /** Training time of one epoch: the run's wall time minus the end-of-epoch test evaluation. */
  readonly secondsPerEpoch: number;
  readonly samplesPerSecond: number;
  /** The whole run as the page saw it, test evaluation included. */
  readonly wallSecondsWithEvaluation: number;
  readonly evaluationSeconds: number;
  readonly testAccuracy: number;
  readonly engine: string;
  readonly workers: number;
}

export interface BenchTimeToAccuracy {
  readonly reached: boolean;
  /** Wall time from the start of training until the whole-test-set evaluation that reached the target. */
  readonly seconds: number;
  readonly epochs: number;
  readonly testAccuracy: number;
  readonly engine: string;
}

export interface BenchForwardLatency {
  /** Median time of one digit through predictOne (engine code, no worker round trip), in ms. */
  readonly medianMs: number;
  readonly digits: number;
}

export interface DigitLabBench {
  trainEpoch(config: TrainingConfig, warmUpSteps: number): Promise<BenchEpochResult>;
  timeToAccuracy(config: TrainingConfig, target: number): Promise<BenchTimeToAccuracy>;
  forwardLatency(layerSizes: readonly number[], repeats: number): Promise<BenchForwardLatency>;
  /**
   * Blocks the main thread for `ms` in a task of its own (a timer, as the page's own work would run), so the
   * bench can show its long-task observer sees such a task; resolves after it ran.
   */
  blockMainThread(ms: number): Promise<void>;
}

declare global {
  interface Window {
    __digitLabBench?: DigitLabBench;
  }
}

const WHOLE_TEST_SET = 10_000;

async function loadData(): Promise<void> {
  const trainer = getTrainer();
  await Promise.all([
    trainer.loadDataset('train', document.baseURI),
    trainer.loadDataset('test', document.baseURI),
  ]);
}

/** The worker swaps in WebAssembly SIMD once it has compiled; a short wait lets a bench see the final engine. */
async function settledEngine(): Promise<{ name: string; workers: number }> {
  const trainer = getTrainer();
  const deadline = performance.now() + 5000;
  let engine = await trainer.getEngine();
  while (engine.name === 'TypeScript' && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    engine = await trainer.getEngine();
  }
  return engine;
}

function wholeTestAccuracy(progress: TrainingProgress): number | null {
  const whole = progress.evaluations.filter((e) => e.sampleCount >= WHOLE_TEST_SET);
  return whole.length > 0 ? whole[whole.length - 1].accuracy : null;
}

async function trainEpoch(config: TrainingConfig, warmUpSteps: number): Promise<BenchEpochResult> {
  const trainer = getTrainer();
  await loadData();
  await trainer.configure({ ...config, epochs: 1 });
  for (let s = 0; s < warmUpSteps; s++) await trainer.step();
  const engine = await settledEngine();
  await trainer.reset();
  let lastSpeed = 0;
  const startedMs = performance.now();
  const outcome = await trainer.train(
    proxy((progress: TrainingProgress) => {
      if (progress.samplesPerSecond > 0) lastSpeed = progress.samplesPerSecond;
    }),
    { evaluateEverySteps: 0 },
  );
  const wallMs = performance.now() - startedMs;
  // The same evaluation the run ends with, timed on its own, so it can be taken out of the epoch time.
  const evaluationStartedMs = performance.now();
  const evaluation = await trainer.evaluate('live', 'test');
  const evaluationMs = performance.now() - evaluationStartedMs;
  const seconds = (wallMs - evaluationMs) / 1000;
  const samples = outcome.progress.samplesSeen;
  return {
    secondsPerEpoch: seconds,
    samplesPerSecond: samples / seconds || lastSpeed,
    wallSecondsWithEvaluation: wallMs / 1000,
    evaluationSeconds: evaluationMs / 1000,
    testAccuracy: wholeTestAccuracy(outcome.progress) ?? evaluation.accuracy,
    engine: engine.name,
    workers: engine.workers,
  };
}

async function timeToAccuracy(config: TrainingConfig, target: number): Promise<BenchTimeToAccuracy> {
  const trainer = getTrainer();
  await loadData();
  await trainer.configure(config);
  const engine = await settledEngine();
  let reachedAtMs: number | null = null;
  let best = 0;
  let epochs = 0;
  const startedMs = performance.now();
  const training = trainer.train(
    proxy((progress: TrainingProgress) => {
      const accuracy = wholeTestAccuracy(progress);
      if (accuracy === null || reachedAtMs !== null) return;
      best = Math.max(best, accuracy);
      epochs = progress.epoch;
      if (accuracy >= target) {
        reachedAtMs = performance.now() - startedMs;
        void trainer.stop();
      }
    }),
    { evaluateEverySteps: 0, progressIntervalMs: 0 },
  );
  const outcome = await training;
  const finalAccuracy = wholeTestAccuracy(outcome.progress);
  if (reachedAtMs === null && finalAccuracy !== null && finalAccuracy >= target) {
    reachedAtMs = performance.now() - startedMs;
    epochs = outcome.progress.epoch;
  }
  best = Math.max(best, finalAccuracy ?? 0);
  return {
    reached: reachedAtMs !== null,
    seconds: (reachedAtMs ?? performance.now() - startedMs) / 1000,
    epochs: epochs || outcome.progress.epoch,
    testAccuracy: best,
    engine: engine.name,
  };
}

async function forwardLatency(layerSizes: readonly number[], repeats: number): Promise<BenchForwardLatency> {
  await loadData();
  const indices = Int32Array.from({ length: 100 }, (_, i) => i * 97);
  const images = await getTrainer().getTestImages(indices);
  const params = createNetwork(layerSizes, 1);
  const digits = Array.from({ length: indices.length }, (_, d) =>
    Float32Array.from(images.subarray(d * INPUT_SIZE, (d + 1) * INPUT_SIZE), (byte) => byte / 255),
  );
  for (const digit of digits) predictOne(params, digit);
  const perDigitMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const startedMs = performance.now();
    for (const digit of digits) predictOne(params, digit);
    perDigitMs.push((performance.now() - startedMs) / digits.length);
  }
  perDigitMs.sort((a, b) => a - b);
  return { medianMs: perDigitMs[Math.floor(perDigitMs.length / 2)], digits: digits.length };
}

function blockMainThread(ms: number): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // Busy on purpose: this is the deliberate long task.
      }
      resolve();
    }, 0),
  );
}

export function installBenchHook(): void {
  window.__digitLabBench = { trainEpoch, timeToAccuracy, forwardLatency, blockMainThread };
}
