// One worker's part of a data-parallel training step of a layer-list network (conv, pool, dense): the
// gradients of its rows of the batch, then the reduction and update of its slice of the parameters.
import { argmax } from './argmax';
import { BatchImages } from './batch-images';
import { crossEntropySum } from './cross-entropy';
import {
  rowsOfWorker,
  type DataParallelShard,
  type ShardGradients,
  type ShardSettings,
} from './data-parallel-shard';
import type { Kernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerBackward, layerForward } from './layer-pass';
import { resolveLayers, sizeOf, type LayerPlan } from './layer-shapes';
import { createLayerWorkspace, fillLayerInput, type LayerWorkspace } from './layer-workspace';
import { ShardSlice } from './shard-slice';
import type { SharedLayerLayout } from './shared-layer-layout';
import type { Dataset } from './types';

export class LayerTrainingShard implements DataParallelShard<LayerNetworkParams> {
  readonly layout: SharedLayerLayout;
  readonly worker: number;
  /** The master tensors themselves, in people's layout. */
  readonly params: LayerNetworkParams;
  private readonly plan: LayerPlan;
  private readonly kernels: Kernels;
  private readonly train: Dataset;
  private readonly order: Uint32Array;
  private readonly workspace: LayerWorkspace;
  private readonly slice: ShardSlice;
  private readonly batchImages: BatchImages;

  /**
   * `floats` covers the layout from its base; `order` is the epoch's sample order, shuffled by the leader.
   * `kernels.allocate` (when present) places this worker's workspace; its dW and db are views of this
   * worker's gradient vector.
   */
  constructor(
    layout: SharedLayerLayout,
    worker: number,
    floats: Float32Array,
    settings: ShardSettings,
    train: Dataset,
    order: Uint32Array,
    kernels: Kernels,
  ) {
    if (floats.length < layout.totalFloats) {
      throw new Error(
        `the shared memory holds ${floats.length} floats, the layout needs ${layout.totalFloats}`,
      );
    }
    this.plan = resolveLayers(layout.layers, layout.input);
    if (sizeOf(this.plan.input) !== train.rows * train.cols)
      throw new Error('the images do not match the input');
    this.layout = layout;
    this.worker = worker;
    this.kernels = kernels;
    this.train = train;
    this.order = order;
    const tensorsAt = (base: number, kind: 'weights' | 'bias') =>
      layout.tensors
        .filter((t) => t.kind === kind)
        .map((t) => floats.subarray(base + t.offset, base + t.offset + t.length));
    this.params = {
      layers: layout.layers,
      W: tensorsAt(layout.paramsOffset, 'weights'),
      b: tensorsAt(layout.paramsOffset, 'bias'),
    };
    const gradientBase = layout.gradientOffsets[worker];
    this.workspace = createLayerWorkspace(this.plan, layout.shardRows, kernels, {
      dW: tensorsAt(gradientBase, 'weights'),
      db: tensorsAt(gradientBase, 'bias'),
    });
    this.slice = new ShardSlice(layout, worker, floats, settings, kernels);
    this.batchImages = new BatchImages(
      train,
      settings.augmentation,
      settings.seed,
      layout.shardRows,
      kernels,
    );
  }

  /**
   * Forward and backward over this worker's rows; (P − Y) is divided by the whole batch's row count, so the
   * workers' gradients add up to the batch-mean gradient one worker computes. Allocates nothing.
   */
  computeGradients(start: number, batchRows: number, epoch: number): ShardGradients {
    const { first, count } = rowsOfWorker(this.layout, this.worker, batchRows);
    if (count === 0) return { rows: 0, lossSum: 0, correct: 0 };
    const ws = this.workspace;
    const { labels } = this.train;
    const rowStart = start + first;
    const batch = this.batchImages.prepare(this.order, rowStart, count, epoch);
    fillLayerInput(ws, batch.images, this.train.rows * this.train.cols, batch.order, batch.start, count);
    layerForward(this.params, ws, count, this.kernels);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    const classes = probabilities.length / ws.capacity;
    const lossSum = crossEntropySum(probabilities, labels, this.order, rowStart, count, classes);
    let correct = 0;
    for (let r = 0; r < count; r++) {
      if (argmax(probabilities, r * classes, classes) === labels[this.order[rowStart + r]]) correct++;
    }
    layerBackward(this.params, ws, labels, this.order, rowStart, count, this.kernels, batchRows);
    return { rows: count, lossSum, correct };
  }

  applyUpdate(step: number, learningRateScale: number, contributors: number): void {
    this.slice.applyUpdate(step, learningRateScale, contributors);
  }

  loadParams(params: LayerNetworkParams): void {
    checkLayerParams(params, this.plan);
    params.W.forEach((w, i) => this.params.W[i].set(w));
    params.b.forEach((b, i) => this.params.b[i].set(b));
  }

  /** The params are the master tensors: what was written is what the next step reads. */
  paramsChanged(): void {}

  refreshParams(): void {}
}
