// One worker's part of a data-parallel training step of a dense network: the gradients of its rows of the
// batch, then the reduction and update of its slice of the parameters. The arrays live in memory the workers
// share; the threads and their signalling are the caller's (src/worker), so this runs the same one worker at
// a time.
import { argmax } from './argmax';
import { backwardBatchTransposed } from './backward';
import { BatchImages } from './batch-images';
import type { BatchWorkspace } from './batch-workspace';
import { crossEntropySum } from './cross-entropy';
import {
  rowsOfWorker,
  type DataParallelShard,
  type ShardGradients,
  type ShardSettings,
} from './data-parallel-shard';
import { forwardBatch } from './forward';
import type { Kernels } from './kernels';
import { ShardSlice } from './shard-slice';
import type { SharedTrainingLayout } from './shared-training-layout';
import { createSparseRows, fillSparseRowsWith } from './sparse-rows';
import { transposeInto } from './transpose';
import type { Dataset, NetworkParams } from './types';

export class TrainingShard implements DataParallelShard<NetworkParams> {
  readonly layout: SharedTrainingLayout;
  readonly worker: number;
  /** People's layout of the weights (W[0] the kept-up-to-date copy, the rest the master tensors). */
  readonly params: NetworkParams;
  private readonly kernels: Kernels;
  private readonly floats: Float32Array;
  private readonly train: Dataset;
  private readonly order: Uint32Array;
  private readonly workspace: BatchWorkspace;
  private readonly slice: ShardSlice;
  private readonly batchImages: BatchImages;
  private readonly pixelsPerImage: number;
  /** The transposed master of the first layer (inputs×units), and people's W[0] (units×inputs) it refreshes. */
  private readonly firstWeightsT: Float32Array;

  /**
   * `floats` covers the layout from its base; `order` is the epoch's sample order, shuffled by the leader.
   * `kernels.allocate` (when present) places this worker's private buffers.
   */
  constructor(
    layout: SharedTrainingLayout,
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
    this.layout = layout;
    this.worker = worker;
    this.kernels = kernels;
    this.floats = floats;
    this.train = train;
    this.order = order;
    this.pixelsPerImage = train.rows * train.cols;
    const sizes = layout.layerSizes;
    const view = (offset: number, length: number) => floats.subarray(offset, offset + length);
    const flat = (base: number) => (tensor: number) => {
      const t = layout.tensors[tensor];
      return view(base + t.offset, t.length);
    };
    const paramsOf = flat(layout.paramsOffset);
    const gradientOf = flat(layout.gradientOffsets[worker]);
    const layers = sizes.length - 1;
    const firstWeights = view(layout.firstWeightsOffset, sizes[0] * sizes[1]);
    this.params = {
      layerSizes: sizes,
      W: Array.from({ length: layers }, (_, l) => (l === 0 ? firstWeights : paramsOf(2 * l))),
      b: Array.from({ length: layers }, (_, l) => paramsOf(2 * l + 1)),
    };
    this.firstWeightsT = paramsOf(0);
    const allocate = (length: number) => kernels.allocate?.(length) ?? new Float32Array(length);
    const rows = layout.shardRows;
    this.workspace = {
      layerSizes: sizes,
      capacity: rows,
      input: createSparseRows(rows, sizes[0], kernels),
      firstWeightsT: this.firstWeightsT,
      outputs: Array.from({ length: layers }, (_, l) => allocate(rows * sizes[l + 1])),
      dZ: Array.from({ length: layers }, (_, l) => allocate(rows * sizes[l + 1])),
      // The first layer's gradient stays transposed (firstGradT): dW[0] is never written.
      dW: Array.from({ length: layers }, (_, l) => (l === 0 ? new Float32Array(0) : gradientOf(2 * l))),
      db: Array.from({ length: layers }, (_, l) => gradientOf(2 * l + 1)),
      firstGradT: gradientOf(0),
    };
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
   * Phase one: forward and backward over this worker's rows of the batch order[start .. start + batchRows),
   * writing its gradient of the batch-mean loss into its own gradient vector. Allocates nothing.
   */
  computeGradients(start: number, batchRows: number, epoch: number): ShardGradients {
    const { first, count } = rowsOfWorker(this.layout, this.worker, batchRows);
    if (count === 0) return { rows: 0, lossSum: 0, correct: 0 };
    const ws = this.workspace;
    const sizes = this.layout.layerSizes;
    const classes = sizes[sizes.length - 1];
    const rowStart = start + first;
    const batch = this.batchImages.prepare(this.order, rowStart, count, epoch);
    fillSparseRowsWith(
      this.kernels,
      ws.input,
      batch.images,
      this.pixelsPerImage,
      batch.order,
      batch.start,
      count,
    );
    forwardBatch(this.params, ws, this.kernels, count);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    const lossSum = crossEntropySum(probabilities, this.train.labels, this.order, rowStart, count, classes);
    let correct = 0;
    for (let r = 0; r < count; r++) {
      if (argmax(probabilities, r * classes, classes) === this.train.labels[this.order[rowStart + r]]) {
        correct++;
      }
    }
    backwardBatchTransposed(
      this.params,
      ws,
      this.kernels,
      this.train.labels,
      this.order,
      rowStart,
      count,
      batchRows,
    );
    return { rows: count, lossSum, correct };
  }

  /** Writes the whole transposed master of the first layer into people's W[0] (this worker's view of it). */
  refreshFirstWeights(): void {
    const sizes = this.layout.layerSizes;
    const k = this.kernels;
    const people = this.params.W[0];
    if (k.transposeInto) k.transposeInto(people, this.firstWeightsT, sizes[0], sizes[1], sizes[0]);
    else transposeInto(people, this.firstWeightsT, sizes[0], sizes[1], sizes[0]);
  }

  /**
   * Phase two, after every worker finished phase one: sums the gradients of the first `contributors`
   * workers over this worker's slice (always in worker order, so a run repeats exactly for a given worker
   * count) and applies the optimizer there; people's W[0] is left to refreshFirstWeights().
   */
  applyUpdate(step: number, learningRateScale: number, contributors: number): void {
    this.slice.applyUpdate(step, learningRateScale, contributors);
  }

  loadParams(params: NetworkParams): void {
    writeSharedParams(this.layout, this.floats, params);
  }

  /** People's W[0] is the copy written from outside: the transposed master is rebuilt from it. */
  paramsChanged(): void {
    writeSharedParams(this.layout, this.floats, this.params);
  }

  refreshParams(): void {
    this.refreshFirstWeights();
  }
}

/**
 * Writes people's weights into the layout's master tensors and W[0] copy (a run's start, or a restore).
 * Moments and gradients are left as they are.
 */
export function writeSharedParams(
  layout: SharedTrainingLayout,
  floats: Float32Array,
  params: NetworkParams,
): void {
  const sizes = layout.layerSizes;
  layout.tensors.forEach((tensor) => {
    const at = layout.paramsOffset + tensor.offset;
    const source = tensor.kind === 'bias' ? params.b[tensor.layer] : params.W[tensor.layer];
    if (tensor.kind === 'firstT') {
      transposeInto(floats.subarray(at), source, sizes[1], sizes[0], sizes[1]);
    } else {
      floats.set(source, at);
    }
  });
  floats.set(params.W[0], layout.firstWeightsOffset);
}
