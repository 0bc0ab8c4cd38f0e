// Mini-batch training: one step() = one shuffled batch through forward, backward and the optimizer, in place.
import { argmax } from './argmax';
import { BatchImages } from './batch-images';
import { backwardBatch } from './backward';
import { createBatchWorkspace, type BatchWorkspace } from './batch-workspace';
import { crossEntropySum } from './cross-entropy';
import type { MiniBatchTrainer } from './mini-batch-trainer';
import { forwardBatch, prepareFirstLayer } from './forward';
import { typescriptKernels, type Kernels } from './kernels';
import { sameLayerSizes } from './network';
import { Optimizer } from './optimizers';
import { EpochPosition } from './epoch-position';
import { SeededRandom } from './random';
import { moveIntoArena } from './resident-params';
import { fillSparseRowsWith } from './sparse-rows';
import type { Dataset, NetworkParams, StepReport, TrainingConfig } from './types';

/** Keeps the shuffle's random stream apart from the initialisation's, which uses the same seed. */
export const SHUFFLE_STREAM = 0x2545f491;

export class Trainer implements MiniBatchTrainer {
  readonly config: TrainingConfig;
  readonly kernels: Kernels;
  private readonly network: NetworkParams;
  private readonly train: Dataset;
  private readonly workspace: BatchWorkspace;
  private readonly batchImages: BatchImages;
  private readonly optimizer: Optimizer;
  private readonly random: SeededRandom;
  private readonly order: Uint32Array;
  private readonly pixelsPerImage: number;
  private readonly position: EpochPosition;

  /**
   * `params` is trained in place. Its layer sizes must be 784, config.hiddenSizes..., 10-style. With kernels
   * that allocate (WebAssembly), params.W[l] and params.b[l] are replaced by copies in the kernels' memory, so
   * no step copies a weight: read them through `params` after construction, not through arrays taken before.
   */
  constructor(
    params: NetworkParams,
    config: TrainingConfig,
    train: Dataset,
    kernels: Kernels = typescriptKernels,
  ) {
    const expected = [train.rows * train.cols, ...config.hiddenSizes, params.layerSizes.at(-1) ?? 0];
    if (!sameLayerSizes(params.layerSizes, expected)) {
      throw new Error(
        `the network is ${params.layerSizes.join('-')} but the training config and data describe ${expected.join('-')}`,
      );
    }
    const decay = config.learningRateDecay ?? 1;
    if (!(decay > 0 && decay <= 1)) {
      throw new Error(`the learning-rate decay must be above 0 and at most 1, got ${decay}`);
    }
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
      throw new Error(`batch size must be a positive integer, got ${config.batchSize}`);
    }
    if (train.count < 1) throw new Error('the training set is empty');
    this.config = config;
    this.kernels = kernels;
    this.network = params;
    this.train = train;
    this.pixelsPerImage = train.rows * train.cols;
    this.workspace = createBatchWorkspace(
      params.layerSizes,
      Math.min(config.batchSize, train.count),
      kernels,
    );
    if (kernels.allocate) moveIntoArena(params, kernels.allocate.bind(kernels));
    this.optimizer = new Optimizer(config, params.layerSizes, kernels);
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

  get params(): NetworkParams {
    return this.network;
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
  get workers(): number {
    return 1;
  }
  /** This epoch's sample order (read-only view): batch i is order[i·batch .. (i+1)·batch). */
  get epochOrder(): Readonly<Uint32Array> {
    return this.order;
  }

  /** Nothing to do: every step reads the weights from `params` (the transposed W[0] is made per step). */
  paramsChanged(): void {}

  /** The Trainer keeps people's layout as its master: always current. */
  syncParams(): void {}

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
    const params = this.network;
    const classes = params.layerSizes[params.layerSizes.length - 1];

    const batch = this.batchImages.prepare(this.order, start, rows, position.epoch);
    fillSparseRowsWith(
      this.kernels,
      ws.input,
      batch.images,
      this.pixelsPerImage,
      batch.order,
      batch.start,
      rows,
    );
    prepareFirstLayer(params, ws, this.kernels);
    forwardBatch(params, ws, this.kernels, rows);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    const loss = crossEntropySum(probabilities, this.train.labels, this.order, start, rows, classes) / rows;
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      if (argmax(probabilities, r * classes, classes) === this.train.labels[this.order[start + r]]) correct++;
    }
    backwardBatch(params, ws, this.kernels, this.train.labels, this.order, start, rows);
    this.optimizer.update(params, ws.dW, ws.db);

    return position.advance(loss, correct / rows);
  }
}
