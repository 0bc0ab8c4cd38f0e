// One training run: a trainer (one worker's, or a data-parallel one) plus everything the page is told about it (curve points, evaluations, speed).
import type { MiniBatchTrainer } from '../nn/mini-batch-trainer';
import type { ModelParams } from '../nn/model-params';
import type { StepReport, TrainingConfig } from '../nn/types';
import { DivergenceGuard, type DivergenceSettings } from './divergence-guard';
import { ThroughputMeter } from './throughput-meter';
import type { Divergence, TestPoint, TrainingProgress, TrainPoint } from './training-progress';

/** Weight of the newest batch in the smoothed curves: about a 20-batch window. */
const SMOOTHING = 0.05;

export interface StepResult {
  readonly report: StepReport;
  readonly diverged: boolean;
  /** This step was the last of an epoch. */
  readonly epochEnded: boolean;
  /** This step was the last of the run. */
  readonly finished: boolean;
}

export class TrainingRun {
  readonly config: TrainingConfig;
  readonly params: ModelParams;
  readonly trainer: MiniBatchTrainer;
  readonly meter = new ThroughputMeter();
  /** Set once the run finished, was stopped or diverged: it cannot be resumed. */
  ended = false;
  /** Training and evaluation time in this run, pauses excluded. */
  elapsedMs = 0;
  lastTest: TestPoint | null = null;
  /** Seconds of training steps each completed epoch took (evaluations and pauses excluded), as the CLI counts. */
  readonly epochSeconds: number[] = [];
  private epochTrainingMs = 0;
  private epochEndedInChunk = false;
  private pendingEpochSeconds: number[] = [];
  private readonly guard: DivergenceGuard;
  private readonly pointEvery: number;
  private readonly trainCount: number;
  private smoothedLoss = 0;
  private smoothedAccuracy = 0;
  private stepsSincePoint = 0;
  private stepsTaken = 0;
  private pendingPoints: TrainPoint[] = [];
  private pendingEvaluations: TestPoint[] = [];
  private onClose: (() => void) | null;

  /** `onClose` ends what the trainer holds beyond its weights (helper workers); close() calls it once. */
  constructor(
    trainer: MiniBatchTrainer,
    trainCount: number,
    pointsPerEpoch: number,
    divergence: DivergenceSettings,
    onClose: (() => void) | null = null,
  ) {
    this.config = trainer.config;
    this.params = trainer.params;
    this.trainer = trainer;
    this.onClose = onClose;
    this.trainCount = trainCount;
    this.guard = new DivergenceGuard(trainer.params, 0, divergence, () => trainer.syncParams());
    this.pointEvery = Math.max(1, Math.round(this.trainer.batchesPerEpoch / Math.max(1, pointsPerEpoch)));
  }

  /** Workers training this run. */
  get workers(): number {
    return this.trainer.workers;
  }

  get totalSamples(): number {
    return this.config.epochs * this.trainCount;
  }

  /** One mini-batch. `everyStepIsAPoint` makes single steps (the Step button) visible on the curves. */
  step(everyStepIsAPoint: boolean): StepResult {
    const report = this.trainer.step();
    const first = this.stepsTaken === 0;
    this.stepsTaken++;
    this.smoothedLoss = first
      ? report.loss
      : this.smoothedLoss + SMOOTHING * (report.loss - this.smoothedLoss);
    this.smoothedAccuracy = first
      ? report.accuracy
      : this.smoothedAccuracy + SMOOTHING * (report.accuracy - this.smoothedAccuracy);
    this.stepsSincePoint++;
    const diverged = this.guard.observeLoss(report.loss);
    if (!diverged && (first || everyStepIsAPoint || this.stepsSincePoint >= this.pointEvery)) {
      this.pendingPoints.push({
        samplesSeen: report.samplesSeen,
        loss: this.smoothedLoss,
        accuracy: this.smoothedAccuracy,
      });
      this.stepsSincePoint = 0;
    }
    const epochEnded = report.batch === report.batchesPerEpoch - 1;
    if (epochEnded) this.epochEndedInChunk = true;
    return { report, diverged, epochEnded, finished: epochEnded && this.trainer.epoch >= this.config.epochs };
  }

  /** Counts a chunk of steps: `samples` trained in `busyMs` ending at `atMs`; closes an epoch's time when one ended. */
  addTrainingTime(samples: number, busyMs: number, atMs: number): void {
    this.meter.add(samples, busyMs, atMs);
    this.elapsedMs += busyMs;
    this.epochTrainingMs += busyMs;
    // A chunk ends at an epoch's last batch at the latest, so the whole chunk belongs to that epoch.
    if (this.epochEndedInChunk) {
      this.epochSeconds.push(this.epochTrainingMs / 1000);
      this.pendingEpochSeconds.push(this.epochTrainingMs / 1000);
      this.epochTrainingMs = 0;
      this.epochEndedInChunk = false;
    }
  }

  /**
   * Checkpoints the weights for the divergence guard when enough steps went by; true when they are no longer
   * finite (the run diverged). Called between chunks of steps, never inside one (see observeLoss).
   */
  checkpointIfDue(): boolean {
    return this.guard.checkpointIfDue(this.trainer.samplesSeen);
  }

  /** Ends the run's helpers (if any); the weights stay readable. Safe to call more than once. */
  close(): void {
    const onClose = this.onClose;
    this.onClose = null;
    onClose?.();
  }

  /** Brings back the last good weights after a blow-up and ends the run. */
  recoverFromDivergence(report: StepReport): Divergence {
    this.guard.restore();
    this.trainer.paramsChanged();
    this.ended = true;
    this.close();
    const lr = this.config.learningRate;
    return {
      atSample: report.samplesSeen,
      loss: report.loss,
      restoredToSample: this.guard.restorePointSample,
      learningRate: lr,
      suggestedLearningRate: Number((lr / 10).toPrecision(1)),
    };
  }

  addEvaluation(point: TestPoint, wholeTestSet: boolean): void {
    this.pendingEvaluations.push(point);
    if (wholeTestSet) this.lastTest = point;
  }

  /** Progress with everything not yet reported; clears the pending points. */
  flush(): TrainingProgress {
    const samplesPerSecond = this.meter.samplesPerSecond;
    const left = this.totalSamples - this.trainer.samplesSeen;
    const progress: TrainingProgress = {
      epoch: this.trainer.epoch,
      batch: this.trainer.batchInEpoch,
      batchesPerEpoch: this.trainer.batchesPerEpoch,
      epochs: this.config.epochs,
      samplesSeen: this.trainer.samplesSeen,
      totalSamples: this.totalSamples,
      samplesPerSecond,
      elapsedMs: this.elapsedMs,
      secondsLeft: samplesPerSecond > 0 ? left / samplesPerSecond : null,
      points: this.pendingPoints,
      evaluations: this.pendingEvaluations,
      epochSeconds: this.pendingEpochSeconds,
    };
    this.pendingPoints = [];
    this.pendingEvaluations = [];
    this.pendingEpochSeconds = [];
    return progress;
  }
}
