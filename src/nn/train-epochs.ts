// Runs whole epochs of a Trainer with progress callbacks and a stop check, evaluating on the test set after each.
import { evaluateModel } from './evaluate-model';
import type { MiniBatchTrainer } from './mini-batch-trainer';
import type { ModelParams } from './model-params';
import type { Dataset, EpochReport, StepReport } from './types';

/** What epochs need of a trainer: a MiniBatchTrainer (dense) or a LayerTrainer (any layer list). */
export type EpochTrainer = Pick<
  MiniBatchTrainer,
  'kernels' | 'epoch' | 'batchInEpoch' | 'samplesSeen' | 'step'
> & {
  readonly config: { readonly epochs: number };
  readonly params: ModelParams;
};

export interface TrainEpochsOptions {
  /** Epochs to run from where the trainer is; defaults to the trainer's config.epochs. */
  readonly epochs?: number;
  /** Evaluate on at most this many test samples (all by default). */
  readonly testLimit?: number;
  readonly onStep?: (report: StepReport) => void;
  readonly onEpoch?: (report: EpochReport) => void;
  /** Checked before every step; returning true ends training between two steps. */
  readonly shouldStop?: () => boolean;
}

/**
 * Trains epoch by epoch. trainLoss/trainAccuracy are the sample-weighted means over the epoch's batches (as
 * they were when each batch was trained); seconds and samplesPerSecond count training steps only, not the
 * evaluation. Returns the reports of the epochs that finished.
 */
export function trainEpochs(
  trainer: EpochTrainer,
  test: Dataset,
  options: TrainEpochsOptions = {},
): EpochReport[] {
  const epochs = options.epochs ?? trainer.config.epochs;
  const reports: EpochReport[] = [];
  for (let e = 0; e < epochs; e++) {
    let lossSum = 0;
    let correct = 0;
    let samples = 0;
    let elapsedMs = 0;
    do {
      if (options.shouldStop?.()) return reports;
      const before = trainer.samplesSeen;
      const startedMs = performance.now();
      const step = trainer.step();
      elapsedMs += performance.now() - startedMs;
      const rows = trainer.samplesSeen - before;
      lossSum += step.loss * rows;
      correct += Math.round(step.accuracy * rows);
      samples += rows;
      options.onStep?.(step);
    } while (trainer.batchInEpoch !== 0);
    const result = evaluateModel(trainer.params, test, options.testLimit, trainer.kernels);
    const seconds = elapsedMs / 1000;
    const report: EpochReport = {
      epoch: trainer.epoch,
      trainLoss: lossSum / samples,
      trainAccuracy: correct / samples,
      testLoss: result.loss,
      testAccuracy: result.accuracy,
      seconds,
      samplesPerSecond: samples / seconds,
    };
    reports.push(report);
    options.onEpoch?.(report);
  }
  return reports;
}
