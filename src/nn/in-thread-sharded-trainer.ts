// A ShardedTrainer whose workers all run in this thread: the same arithmetic as the threaded run (so tests
// can check it without threads), and with one worker a Trainer that keeps the first layer transposed.
import { typescriptKernels, type Kernels } from './kernels';
import { sharedTrainingLayout } from './shared-training-layout';
import { InThreadTeam, ShardedTrainer } from './sharded-trainer';
import { TrainingShard } from './training-shard';
import type { Dataset, NetworkParams, TrainingConfig } from './types';

/** `initial` is copied in; read the weights through the trainer's `params`. */
export function createInThreadShardedTrainer(
  initial: NetworkParams,
  config: TrainingConfig,
  train: Dataset,
  workers: number,
  kernels: Kernels = typescriptKernels,
): ShardedTrainer {
  const layout = sharedTrainingLayout(
    initial.layerSizes,
    Math.min(config.batchSize, train.count),
    workers,
    config.optimizer,
  );
  const floats = kernels.allocate?.(layout.totalFloats) ?? new Float32Array(layout.totalFloats);
  const order = new Uint32Array(train.count);
  const shards = Array.from(
    { length: workers },
    (_, w) => new TrainingShard(layout, w, floats, config, train, order, kernels),
  );
  const team = new InThreadTeam(shards.slice(1));
  return new ShardedTrainer(shards[0], team, floats, order, config, initial, kernels);
}
