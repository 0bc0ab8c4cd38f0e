// Chooses and builds a new run's trainer: the seed's initial network on several workers when chosen, else one.
import type { Kernels } from '../nn/kernels';
import { createLayerNetwork } from '../nn/layer-network';
import { createInThreadShardedTrainer } from '../nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../nn/mini-batch-trainer';
import { createNetwork } from '../nn/network';
import { CLASS_COUNT, INPUT_SIZE, type Dataset, type TrainingConfig } from '../nn/types';
import { convLayersOf } from './initial-network';
import type { SpawnShardHelper } from './parallel-training';

export interface RunTrainerContext {
  readonly kernels: Kernels;
  readonly chosenWorkers: number;
  /** How to run several workers; absent: one worker. */
  readonly parallelEngine?: {
    readonly loadModule: () => Promise<WebAssembly.Module>;
    readonly spawn: SpawnShardHelper;
  };
  /** The training set in shared memory, for several workers. */
  readonly sharedTrainingSet: (train: Dataset) => Dataset;
}

export interface RunTrainer {
  readonly trainer: MiniBatchTrainer;
  /** Ends what the trainer holds beyond its weights (helper workers); null when there is nothing. */
  readonly close: (() => void) | null;
}

/** Several workers when chosen and possible; one otherwise (and when starting helpers fails). */
export async function createRunTrainer(
  config: TrainingConfig,
  train: Dataset,
  context: RunTrainerContext,
): Promise<RunTrainer> {
  const layers = convLayersOf(config);
  if (layers !== null) {
    // A CNN trains on one worker, with the layer trainer; several workers train dense networks only so far.
    // The layer trainer and the parallel engine are fetched when a run needs them: the worker also serves the
    // landing page's first prediction, which needs neither.
    const { LayerMiniBatchTrainer } = await import('./layer-mini-batch-trainer');
    const trainer = new LayerMiniBatchTrainer(
      createLayerNetwork(layers, config.seed),
      config,
      train,
      context.kernels,
    );
    return { trainer, close: null };
  }
  const initial = createNetwork([INPUT_SIZE, ...config.hiddenSizes, CLASS_COUNT], config.seed);
  const engine = context.parallelEngine;
  if (context.chosenWorkers > 1 && engine) {
    try {
      const [module, { startParallelTraining }] = await Promise.all([
        engine.loadModule(),
        import('./parallel-training'),
      ]);
      const started = await startParallelTraining(
        initial,
        config,
        context.sharedTrainingSet(train),
        context.chosenWorkers,
        module,
        engine.spawn,
      );
      return { trainer: started.trainer, close: () => started.close() };
    } catch (error) {
      console.warn('Digit Lab: training on one worker, since several could not start:', error);
    }
  }
  // One worker keeps the first layer transposed as the parallel run does (one transpose a step, not two).
  return {
    trainer: createInThreadShardedTrainer(initial, config, train, 1, context.kernels),
    close: null,
  };
}
