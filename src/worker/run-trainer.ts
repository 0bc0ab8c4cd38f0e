// Chooses and builds a new run's trainer: the seed's initial network on several workers when chosen, else one.
import type { Kernels } from '../nn/kernels';
import { createInThreadShardedTrainer } from '../nn/in-thread-sharded-trainer';
import type { MiniBatchTrainer } from '../nn/mini-batch-trainer';
import { isDenseParams } from '../nn/model-params';
import type { Dataset, TrainingConfig } from '../nn/types';
import { initialNetwork } from './initial-network';
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

/**
 * Several workers when chosen and possible (a dense network or a CNN alike); one otherwise (and when
 * starting helpers fails).
 */
export async function createRunTrainer(
  config: TrainingConfig,
  train: Dataset,
  context: RunTrainerContext,
): Promise<RunTrainer> {
  const initial = initialNetwork(config);
  const engine = context.parallelEngine;
  if (context.chosenWorkers > 1 && engine) {
    try {
      // The parallel engine is fetched when a run needs it: the worker also serves the landing page's first
      // prediction, which does not.
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
  if (!isDenseParams(initial)) {
    // A CNN on one worker trains with the layer trainer, fetched (as above) when a run needs it.
    const { LayerMiniBatchTrainer } = await import('./layer-mini-batch-trainer');
    return { trainer: new LayerMiniBatchTrainer(initial, config, train, context.kernels), close: null };
  }
  // One worker keeps the first layer transposed as the parallel run does (one transpose a step, not two).
  return {
    trainer: createInThreadShardedTrainer(initial, config, train, 1, context.kernels),
    close: null,
  };
}
