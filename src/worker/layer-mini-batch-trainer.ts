// A layer-list network's trainer (conv, pool, dense) as the training loop drives a dense one: one worker.
import type { Kernels } from '../nn/kernels';
import type { LayerNetworkParams } from '../nn/layer-network';
import { LayerTrainer } from '../nn/layer-trainer';
import type { MiniBatchTrainer } from '../nn/mini-batch-trainer';
import type { Dataset, StepReport, TrainingConfig } from '../nn/types';

export class LayerMiniBatchTrainer implements MiniBatchTrainer {
  readonly config: TrainingConfig;
  readonly workers = 1;
  private readonly trainer: LayerTrainer;

  constructor(params: LayerNetworkParams, config: TrainingConfig, train: Dataset, kernels: Kernels) {
    this.config = config;
    this.trainer = new LayerTrainer(params, config, train, kernels);
  }

  get kernels(): Kernels {
    return this.trainer.kernels;
  }
  get params(): LayerNetworkParams {
    return this.trainer.params;
  }
  get epoch(): number {
    return this.trainer.epoch;
  }
  get batchInEpoch(): number {
    return this.trainer.batchInEpoch;
  }
  get batchesPerEpoch(): number {
    return this.trainer.batchesPerEpoch;
  }
  get samplesSeen(): number {
    return this.trainer.samplesSeen;
  }

  step(): StepReport {
    return this.trainer.step();
  }

  /** The layer trainer reads its weights in place every step: a restore needs no refresh. */
  paramsChanged(): void {}

  /** Its weights are always current. */
  syncParams(): void {}
}
