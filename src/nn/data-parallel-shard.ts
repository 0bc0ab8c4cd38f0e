// What one worker of a data-parallel step is, whatever the network (dense or a layer list): the gradients of its
// rows of a batch, then the reduction and update of its slice of the parameters.
import type { ModelParams } from './model-params';
import type { OptimizerSettings } from './optimizers';
import type { SharedFlatLayout } from './shared-training-layout';
import type { TrainingConfig } from './types';

export interface ShardGradients {
  /** Rows of the batch this worker took (0 when the batch was too short to reach it). */
  readonly rows: number;
  /** Σ cross-entropy over those rows. */
  readonly lossSum: number;
  /** How many of them the network got right before the update. */
  readonly correct: number;
}

/** What a shard needs of the run's config: the optimizer's settings, and the seed of any distortions. */
export type ShardSettings = OptimizerSettings & Pick<TrainingConfig, 'augmentation' | 'seed'>;

export interface DataParallelShard<P extends ModelParams = ModelParams> {
  readonly layout: SharedFlatLayout;
  readonly worker: number;
  /** The weights in people's layout (views of the shared memory). */
  readonly params: P;
  /**
   * Phase one: forward and backward over this worker's rows of the batch order[start .. start + batchRows),
   * writing its part of the batch-mean loss's gradient into its own gradient vector. Allocates nothing.
   * `epoch` (from 0) draws the distortions of an augmented run.
   */
  computeGradients(start: number, batchRows: number, epoch: number): ShardGradients;
  /**
   * Phase two, after every worker finished phase one: sums the first `contributors` workers' gradients over
   * this worker's slice (in worker order) and applies the optimizer there.
   */
  applyUpdate(step: number, learningRateScale: number, contributors: number): void;
  /** Writes `params` (people's layout) into the shared tensors: a run's start. */
  loadParams(params: P): void;
  /** After someone wrote into `params` from outside (a restore): the next step trains from those values. */
  paramsChanged(): void;
  /** Brings `params` up to date after updates (a layout whose params are not the master itself). */
  refreshParams(): void;
}

/** Rows [first, first + count) of a batch of `batchRows` rows are worker `worker`'s. */
export function rowsOfWorker(
  layout: SharedFlatLayout,
  worker: number,
  batchRows: number,
): { first: number; count: number } {
  const first = Math.min(batchRows, worker * layout.shardRows);
  return { first, count: Math.min(batchRows, first + layout.shardRows) - first };
}

/** How many workers have rows in a batch of `batchRows` (their gradients are the ones to add). */
export function contributorsOf(layout: SharedFlatLayout, batchRows: number): number {
  return Math.min(layout.workers, Math.ceil(batchRows / layout.shardRows));
}
