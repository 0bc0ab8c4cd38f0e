// Mini-batch training of a layer-list network (conv, pool, dense): the general path beside the dense Trainer.
import { argmax } from './argmax';
import { BatchImages } from './batch-images';
import { crossEntropySum } from './cross-entropy';
import { EpochPosition } from './epoch-position';
import { typescriptKernels, type Kernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerBackward, layerForward } from './layer-pass';
import { resolveLayers, sizeOf } from './layer-shapes';
import { createLayerWorkspace, fillLayerInput, type LayerWorkspace } from './layer-workspace';
import { Optimizer } from './optimizers';
import { SeededRandom } from './random';
import { SHUFFLE_STREAM } from './trainer';
import type { Dataset, StepReport, TrainingConfig } from './types';

/** A training config without hiddenSizes: the layers travel with the network. */
export type LayerTrainingConfig = Omit<TrainingConfig, 'hiddenSizes'>;

export class LayerTrainer {
  readonly config: LayerTrainingConfig;
  readonly kernels: Kernels;
  readonly params: LayerNetworkParams;
  private readonly train: Dataset;
  private readonly workspace: LayerWorkspace;
  private readonly optimizer: Optimizer;
  private readonly random: SeededRandom;
  private readonly order: Uint32Array;
  private readonly position: EpochPosition;
  private readonly batchImages: BatchImages;

  /** `params` is trained in place; the shuffle is the dense Trainer's for the same seed and data. */
  constructor(
    params: LayerNetworkParams,
    config: LayerTrainingConfig,
    train: Dataset,
    kernels: Kernels = typescriptKernels,
  ) {
    const plan = resolveLayers(params.layers, { channels: 1, height: train.rows, width: train.cols });
    checkLayerParams(params, plan);
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
      throw new Error(`batch size must be a positive integer, got ${config.batchSize}`);
    }
    if (train.count < 1) throw new Error('the training set is empty');
    if (sizeOf(plan.input) !== train.rows * train.cols) throw new Error('the images do not match the input');
    this.config = config;
    this.kernels = kernels;
    this.params = params;
    this.train = train;
    this.workspace = createLayerWorkspace(plan, Math.min(config.batchSize, train.count), kernels);
    this.optimizer = new Optimizer(config, params, kernels);
    this.random = new SeededRandom((config.seed ^ SHUFFLE_STREAM) >>> 0);
    this.order = new Uint32Array(train.count);
    for (let i = 0; i < train.count; i++) this.order[i] = i;
    this.position = new EpochPosition(train.count, config.batchSize);
    this.batchImages = new BatchImages(
      train,
      config.augmentation,
      config.seed,
      this.workspace.capacity,
      kernels,
    );
  }

  get epoch(): number {
    return this.position.epoch;
  }
  get batchInEpoch(): number {
    return this.position.batch;
  }
  get batchesPerEpoch(): number {
    return this.position.batchesPerEpoch;
  }
  get samplesSeen(): number {
    return this.position.samplesSeen;
  }
  /** This epoch's sample order: batch i is order[i·batch .. (i+1)·batch). */
  get epochOrder(): Readonly<Uint32Array> {
    return this.order;
  }

  /** Trains on the next mini-batch; no buffer is allocated here. */
  step(): StepReport {
    const position = this.position;
    if (position.batch === 0) {
      this.random.shuffle(this.order);
      this.optimizer.learningRateScale = (this.config.learningRateDecay ?? 1) ** position.epoch;
    }
    const start = position.batchStart;
    const rows = position.batchRows;
    const ws = this.workspace;
    const { labels } = this.train;
    const batch = this.batchImages.prepare(this.order, start, rows, position.epoch);
    fillLayerInput(ws, batch.images, this.train.rows * this.train.cols, batch.order, batch.start, rows);
    layerForward(this.params, ws, rows, this.kernels);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    const classes = probabilities.length / ws.capacity;
    const loss = crossEntropySum(probabilities, labels, this.order, start, rows, classes) / rows;
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      if (argmax(probabilities, r * classes, classes) === labels[this.order[start + r]]) correct++;
    }
    layerBackward(this.params, ws, labels, this.order, start, rows, this.kernels);
    this.optimizer.update(this.params, ws.dW, ws.db);
    return position.advance(loss, correct / rows);
  }
}
