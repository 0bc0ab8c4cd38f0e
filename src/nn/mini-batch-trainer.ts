// What a training loop needs of a trainer: one worker's Trainer and the data-parallel ShardedTrainer alike.
import type { Kernels } from './kernels';
import type { ModelParams } from './model-params';
import type { StepReport, TrainingConfig } from './types';

export interface MiniBatchTrainer {
  readonly config: TrainingConfig;
  /** The kernels evaluation should use alongside (the ones the weights live with). */
  readonly kernels: Kernels;
  /**
   * The weights in people's layout: reading the property brings them up to date; a reference kept from
   * earlier is current after syncParams().
   */
  readonly params: ModelParams;
  /** Completed epochs (= 0-based index of the epoch the next step belongs to). */
  readonly epoch: number;
  /** 0-based index of the next batch within its epoch. */
  readonly batchInEpoch: number;
  readonly batchesPerEpoch: number;
  readonly samplesSeen: number;
  /** Workers that share each step (1 for a Trainer). */
  readonly workers: number;
  /** Trains on the next mini-batch. */
  step(): StepReport;
  /** Call after writing into `params` from outside (a restore), so the next step trains from those values. */
  paramsChanged(): void;
  /**
   * Brings `params` up to date: a step may leave part of them stale (the sharded trainer refreshes people's
   * W[0] from its transposed master only when asked, instead of after every step).
   */
  syncParams(): void;
}
