// A ShardedTrainer whose workers all run in this thread: the same arithmetic as the threaded run (so tests
// can check it without threads), and with one worker a Trainer that keeps the first layer transposed.
import { createShard, dataParallelLayout, inputShapeOf } from './data-parallel-layout';
import type { DataParallelShard } from './data-parallel-shard';
import { typescriptKernels, type Kernels } from './kernels';
import type { LayerNetworkParams } from './layer-network';
import type { ModelParams } from './model-params';
import { InThreadTeam, ShardedTrainer } from './sharded-trainer';
import type { Dataset, NetworkParams, TrainingConfig } from './types';

/** `initial` (a dense network or a layer list) is copied in; read the weights through the trainer's `params`. */
export function createInThreadShardedTrainer(
  initial: NetworkParams,
  config: TrainingConfig,
  train: Dataset,
  workers: number,
  kernels?: Kernels,
): ShardedTrainer<NetworkParams>;
export function createInThreadShardedTrainer(
  initial: LayerNetworkParams,
  config: TrainingConfig,
  train: Dataset,
  workers: number,
  kernels?: Kernels,
): ShardedTrainer<LayerNetworkParams>;
export function createInThreadShardedTrainer(
  initial: ModelParams,
  config: TrainingConfig,
  train: Dataset,
  workers: number,
  kernels: Kernels = typescriptKernels,
): ShardedTrainer<ModelParams> {
  const layout = dataParallelLayout(
    initial,
    inputShapeOf(train),
    Math.min(config.batchSize, train.count),
    workers,
    config.optimizer,
  );
  const floats = kernels.allocate?.(layout.totalFloats) ?? new Float32Array(layout.totalFloats);
  const order = new Uint32Array(train.count);
  const shards: DataParallelShard[] = Array.from({ length: workers }, (_, w) =>
    createShard(layout, w, floats, config, train, order, kernels),
  );
  const team = new InThreadTeam(shards.slice(1));
  return new ShardedTrainer(shards[0], team, order, config, initial, kernels);
}
