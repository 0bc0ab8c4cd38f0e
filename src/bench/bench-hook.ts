// window.__digitLabBench: lets `npm run bench` drive the real app's training worker in headless Chromium.
// Installed only when the page URL has ?bench (see main.tsx), so normal visits never carry it.
import { createNetwork } from '../nn/network';
import { predictOne } from '../nn/predict';
import { INPUT_SIZE, type NetworkParams, type TrainingConfig } from '../nn/types';
import { ensureDataset } from '../state/dataset-actions';
import { chooseWorkerCount } from '../state/engine-actions';
import { useStore } from '../state/store';
import { setTrainOptions, startTraining, stopTraining } from '../state/training-actions';
import { getTrainer } from '../worker/client';
import { measureKernelAgreement, type KernelAgreement } from './kernel-agreement';

export interface BenchEpochResult {
  /** Training time of one epoch: the run's wall time minus the end-of-epoch test evaluation. */
  readonly secondsPerEpoch: number;
  readonly samplesPerSecond: number;
  /** The whole run as the page saw it, test evaluation included. */
  readonly wallSecondsWithEvaluation: number;
  readonly evaluationSeconds: number;
  /** The worker's own count of the run's training and evaluation time: the wall time less starting the run. */
  readonly runSeconds: number;
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
  readonly workers: number;
  /** Every whole-test-set evaluation of the run, in order: seconds from the start of training, and accuracy. */
  readonly evaluations: readonly BenchEvaluation[];
}

export interface BenchEvaluation {
  readonly seconds: number;
  readonly samplesSeen: number;
  readonly testAccuracy: number;
}

export interface BenchForwardLatency {
  /** Median time of one digit through predictOne (engine code, no worker round trip), in ms. */
  readonly medianMs: number;
  readonly digits: number;
}

export interface DigitLabBench {
  trainEpoch(config: TrainingConfig, warmUpSteps: number, workers: number): Promise<BenchEpochResult>;
  /** `stopAtTarget` false: the run goes on to its last epoch, so `evaluations` shows whether the target held. */
  timeToAccuracy(
    config: TrainingConfig,
    target: number,
    workers: number,
    stopAtTarget?: boolean,
  ): Promise<BenchTimeToAccuracy>;
  forwardLatency(layerSizes: readonly number[], repeats: number): Promise<BenchForwardLatency>;
  /**
   * Blocks the main thread for `ms` in a task of its own (a timer, as the page's own work would run), so the
   * bench can show its long-task observer sees such a task; resolves after it ran.
   */
  blockMainThread(ms: number): Promise<void>;
  /** The browser's WebAssembly kernels against the TypeScript ones, on this page's own thread. */
  kernelAgreement(): Promise<KernelAgreement>;
  /**
   * Starts a run of `config` as the Start button does and resolves once it trains, leaving it running (the
   * bench then visits other places while it trains); stopRun() ends it.
   */
  startRun(config: TrainingConfig, workers: number): Promise<void>;
  stopRun(): Promise<void>;
}

declare global {
  interface Window {
    __digitLabBench?: DigitLabBench;
  }
}

const WHOLE_TEST_SET = 10_000;

/** Loads MNIST the way the page does (ensureDataset), so the Train place shows it like a visitor's. */
async function loadData(): Promise<void> {
  await Promise.all([ensureDataset('train'), ensureDataset('test')]);
  const { datasets } = useStore.getState();
  if (datasets.train.status !== 'ready' || datasets.test.status !== 'ready') {
    throw new Error(`MNIST did not load: ${datasets.train.error ?? datasets.test.error ?? 'unknown error'}`);
  }
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

/** Picks the worker count through the page's own control action; the bench must get what it asked for. */
async function useWorkers(workers: number): Promise<void> {
  await chooseWorkerCount(workers);
  const { engine, workerCountError } = useStore.getState();
  if (engine?.chosenWorkers !== workers) {
    throw new Error(
      `the page would not train on ${workers} workers: ${workerCountError ?? 'unknown reason'}`,
    );
  }
}

/** The store's latest test accuracy when it was measured on the whole test set, else null. */
function wholeTestAccuracy(): number | null {
  const { latestTestAccuracy, latestTestSampleCount } = useStore.getState();
  return latestTestSampleCount >= WHOLE_TEST_SET ? latestTestAccuracy : null;
}

/**
 * Trains through the app's own actions (as the Start button does), so the Train place draws its live charts
 * while the epoch is timed and the long-task observer watches the main thread.
 */
async function trainEpoch(
  config: TrainingConfig,
  warmUpSteps: number,
  workers: number,
): Promise<BenchEpochResult> {
  await loadData();
  const engine = await settledEngine();
  await useWorkers(workers);
  const trainer = getTrainer();
  // Warm the worker's JIT and kernels on the real data, then start over from the seed's weights.
  await trainer.configure({ ...config, epochs: 1 });
  for (let s = 0; s < warmUpSteps; s++) await trainer.step();
  await trainer.reset();
  setTrainOptions({ evaluateEverySteps: 0 });
  useStore.getState().setTrainingConfig({ ...config, epochs: 1 }, null);
  const startedMs = performance.now();
  await startTraining();
  const wallMs = performance.now() - startedMs;
  const { trainingStatus, trainingProgress, workerError, trainingBusy, trainingNotice } = useStore.getState();
  if (trainingStatus !== 'finished' || !trainingProgress) {
    // Everything the store knows, so a rare failure can be told apart (a start refused, an outcome dropped).
    const progress = trainingProgress
      ? `${trainingProgress.samplesSeen} of ${trainingProgress.totalSamples} samples`
      : 'no progress';
    throw new Error(
      `the benchmark epoch ended as "${trainingStatus}" after ${((performance.now() - startedMs) / 1000).toFixed(1)} s ` +
        `(busy: ${trainingBusy}, ${progress}, notice: ${trainingNotice?.text ?? 'none'})` +
        (workerError ? `: ${workerError}` : ''),
    );
  }
  // The same evaluation the run ends with, timed on its own, so it can be taken out of the epoch time.
  const evaluationStartedMs = performance.now();
  const evaluation = await trainer.evaluate('live', 'test');
  const evaluationMs = performance.now() - evaluationStartedMs;
  const seconds = (wallMs - evaluationMs) / 1000;
  return {
    secondsPerEpoch: seconds,
    samplesPerSecond: trainingProgress.samplesSeen / seconds,
    wallSecondsWithEvaluation: wallMs / 1000,
    evaluationSeconds: evaluationMs / 1000,
    runSeconds: trainingProgress.elapsedMs / 1000,
    testAccuracy: wholeTestAccuracy() ?? evaluation.accuracy,
    engine: engine.name,
    // The run's own count: a run whose helpers could not start trains on one worker.
    workers: (await trainer.getEngine()).workers,
  };
}

async function timeToAccuracy(
  config: TrainingConfig,
  target: number,
  workers: number,
  stopAtTarget = true,
): Promise<BenchTimeToAccuracy> {
  await loadData();
  const engine = await settledEngine();
  await useWorkers(workers);
  setTrainOptions({ evaluateEverySteps: 0 });
  useStore.getState().setTrainingConfig(config, null);
  let reachedAtMs: number | null = null;
  let best = 0;
  let epochs = 0;
  let testPointsSeen = 0;
  const evaluations: BenchEvaluation[] = [];
  const startedMs = performance.now();
  const unsubscribe = useStore.subscribe((state) => {
    const points = state.currentRun?.test ?? [];
    for (; testPointsSeen < points.length; testPointsSeen++) {
      const point = points[testPointsSeen];
      if (point.sampleCount < WHOLE_TEST_SET) continue;
      const seconds = (performance.now() - startedMs) / 1000;
      evaluations.push({ seconds, samplesSeen: point.samplesSeen, testAccuracy: point.accuracy });
    }
    const accuracy = wholeTestAccuracy();
    if (accuracy === null || reachedAtMs !== null) return;
    best = Math.max(best, accuracy);
    epochs = state.trainingProgress?.epoch ?? epochs;
    if (accuracy >= target) {
      reachedAtMs = performance.now() - startedMs;
      if (stopAtTarget) void stopTraining();
    }
  });
  try {
    await startTraining();
  } finally {
    unsubscribe();
  }
  return {
    reached: reachedAtMs !== null,
    seconds: (reachedAtMs ?? performance.now() - startedMs) / 1000,
    epochs,
    testAccuracy: Math.max(best, ...evaluations.map((e) => e.testAccuracy)),
    engine: engine.name,
    workers: (await getTrainer().getEngine()).workers,
    evaluations,
  };
}

/** The digits through predictOne, one after the other (a function of its own, so it is optimised whole). */
function predictAll(params: NetworkParams, digits: readonly Float32Array[]): void {
  for (const digit of digits) predictOne(params, digit);
}

async function forwardLatency(layerSizes: readonly number[], repeats: number): Promise<BenchForwardLatency> {
  await loadData();
  const indices = Int32Array.from({ length: 100 }, (_, i) => i * 97);
  const images = await getTrainer().getTestImages(indices);
  const params = createNetwork(layerSizes, 1);
  const digits = Array.from({ length: indices.length }, (_, d) =>
    Float32Array.from(images.subarray(d * INPUT_SIZE, (d + 1) * INPUT_SIZE), (byte) => byte / 255),
  );
  // Half a second of warm-up: the optimiser compiles in the background, later on a busy machine.
  const warmUntilMs = performance.now() + 500;
  while (performance.now() < warmUntilMs) predictAll(params, digits);
  const perDigitMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const startedMs = performance.now();
    predictAll(params, digits);
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

let backgroundRun: Promise<void> | null = null;

async function startRun(config: TrainingConfig, workers: number): Promise<void> {
  await loadData();
  await settledEngine();
  await useWorkers(workers);
  useStore.getState().setTrainingConfig(config, null);
  backgroundRun = startTraining();
  const deadline = performance.now() + 60_000;
  while (useStore.getState().trainingStatus !== 'running') {
    if (performance.now() > deadline) throw new Error('the run did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopRun(): Promise<void> {
  await stopTraining();
  await backgroundRun;
  backgroundRun = null;
}

export function installBenchHook(): void {
  window.__digitLabBench = {
    trainEpoch,
    timeToAccuracy,
    forwardLatency,
    blockMainThread,
    kernelAgreement: measureKernelAgreement,
    startRun,
    stopRun,
  };
}
