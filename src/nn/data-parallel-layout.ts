// Picks a data-parallel run's pieces by the network's form: a dense network's layout (first layer transposed
// over sparse rows) and TrainingShard, or a layer list's layout and LayerTrainingShard.
import type { DataParallelShard, ShardSettings } from './data-parallel-shard';
import type { Kernels } from './kernels';
import { LayerTrainingShard } from './layer-training-shard';
import type { Shape } from './layer-shapes';
import { isDenseParams, type ModelParams } from './model-params';
import { isLayerLayout, sharedLayerLayout, type SharedLayerLayout } from './shared-layer-layout';
import { sharedTrainingLayout, type SharedTrainingLayout } from './shared-training-layout';
import { TrainingShard } from './training-shard';
import type { Dataset, OptimizerName } from './types';

/** Plain data: a helper worker receives the leader's and builds its shard from it. */
export type DataParallelLayout = SharedTrainingLayout | SharedLayerLayout;

export function dataParallelLayout(
  initial: ModelParams,
  input: Shape,
  batchSize: number,
  workers: number,
  optimizer: OptimizerName,
): DataParallelLayout {
  return isDenseParams(initial)
    ? sharedTrainingLayout(initial.layerSizes, batchSize, workers, optimizer)
    : sharedLayerLayout(initial.layers, input, batchSize, workers, optimizer);
}

/** Worker `worker`'s shard over `floats` (the layout from its base). */
export function createShard(
  layout: DataParallelLayout,
  worker: number,
  floats: Float32Array,
  settings: ShardSettings,
  train: Dataset,
  order: Uint32Array,
  kernels: Kernels,
): DataParallelShard {
  return isLayerLayout(layout)
    ? new LayerTrainingShard(layout, worker, floats, settings, train, order, kernels)
    : new TrainingShard(layout, worker, floats, settings, train, order, kernels);
}

/** The shape of the images in `train`: one grey channel. */
export function inputShapeOf(train: Pick<Dataset, 'rows' | 'cols'>): Shape {
  return { channels: 1, height: train.rows, width: train.cols };
}
