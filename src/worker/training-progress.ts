// What the training session reports to the page: small messages, a few per second.

/** One point of the training curves: exponential moving averages over the recent batches. */
export interface TrainPoint {
  readonly samplesSeen: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** One evaluation on test digits: a fixed subset every N steps, or the whole test set after each epoch. */
export interface TestPoint {
  readonly samplesSeen: number;
  readonly loss: number;
  readonly accuracy: number;
  /** How many test digits were evaluated (the subset's size, or 10,000). */
  readonly sampleCount: number;
}

export interface TrainingProgress {
  /** Completed epochs. */
  readonly epoch: number;
  /** 0-based index of the next batch within the current epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
  readonly samplesSeen: number;
  /** Samples the whole run will have seen (epochs × training digits). */
  readonly totalSamples: number;
  /** Training throughput over the last second or so (evaluation time excluded). */
  readonly samplesPerSecond: number;
  /** Time spent training and evaluating in this run, pauses excluded. */
  readonly elapsedMs: number;
  /** Estimated from the current speed; null until there is one. */
  readonly secondsLeft: number | null;
  /** New training-curve points since the previous message. */
  readonly points: readonly TrainPoint[];
  /** New evaluations since the previous message. */
  readonly evaluations: readonly TestPoint[];
  /** Seconds of training of each epoch completed since the previous message. */
  readonly epochSeconds: readonly number[];
}

export interface Divergence {
  /** Samples seen when the loss blew up. */
  readonly atSample: number;
  readonly loss: number;
  /** The weights went back to the state they had after this many samples. */
  readonly restoredToSample: number;
  readonly learningRate: number;
  readonly suggestedLearningRate: number;
}

export type TrainStopReason = 'paused' | 'stopped' | 'finished' | 'diverged';

export interface TrainOutcome {
  readonly reason: TrainStopReason;
  /** Everything not yet reported, so no point is lost. */
  readonly progress: TrainingProgress;
  readonly divergence: Divergence | null;
}

export interface TrainOptions {
  /** Evaluate on the fixed test subset every this many steps (0 = only after each epoch). */
  readonly evaluateEverySteps: number;
  /** Size of the fixed, evenly spread test subset. */
  readonly evaluationSubsetSize: number;
  /** Minimum time between progress messages. */
  readonly progressIntervalMs: number;
  /** Training-curve points per epoch (each one a moving average over the batches between points). */
  readonly pointsPerEpoch: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  evaluateEverySteps: 100,
  evaluationSubsetSize: 1000,
  progressIntervalMs: 250,
  pointsPerEpoch: 40,
};

export interface EngineInfo {
  /** The kernels in use ("TypeScript", "WebAssembly SIMD"). */
  readonly name: string;
  /** Workers training the current run; the chosen count when there is no run yet. */
  readonly workers: number;
  /** Workers the next new run will use (setWorkerCount), 1 ≤ chosenWorkers ≤ maxWorkers. */
  readonly chosenWorkers: number;
  /** The most this page can use: navigator.hardwareConcurrency, or 1 when singleWorkerReason is set. */
  readonly maxWorkers: number;
  /** What a new session starts with: hardwareConcurrency − 1 (the page needs a core too), at least 1. */
  readonly defaultWorkers: number;
  /** Why training is limited to one worker here (a sentence for people), or null when it is not. */
  readonly singleWorkerReason: string | null;
}
