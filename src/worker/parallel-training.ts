// Starts a data-parallel run: one shared memory sized for it, the leader's shard here, a helper worker per
// other shard, and a ShardedTrainer over them. Where helpers come from (browser Worker, Node worker_threads)
// is the caller's choice.
import { createShard, dataParallelLayout, inputShapeOf } from '../nn/data-parallel-layout';
import type { ModelParams } from '../nn/model-params';
import { ShardedTrainer } from '../nn/sharded-trainer';
import type { Dataset, TrainingConfig } from '../nn/types';
import { instantiateKernels } from '../wasm/instantiate-kernels';
import { AtomicsTeam, HELPER_TIMEOUT_MS } from './atomics-team';
import { createShardControl } from './shard-control';
import type { ShardHelperInit } from './shard-helper';
import { sharedMemoryPlan } from './shared-memory-plan';
import { TrainerError } from './trainer-error';

export interface ShardHelperHandle {
  terminate(): void;
  /** After its run ended normally (exit posted): the helper may serve another run. Absent: terminate it. */
  release?(): void;
}

/** Starts one helper with `init` and resolves once it is ready to serve (rejects with a readable error). */
export type SpawnShardHelper = (init: ShardHelperInit) => Promise<ShardHelperHandle>;

export interface ParallelTraining {
  readonly trainer: ShardedTrainer<ModelParams>;
  /** Ends the helpers; the weights stay readable through trainer.params. */
  close(): void;
}

/**
 * `initial` (a dense network or a layer list) is copied in; `train` must already be shared (shareDataset).
 * `helperTimeoutMs`: how long a step waits for a silent helper before the run fails.
 */
export async function startParallelTraining(
  initial: ModelParams,
  config: TrainingConfig,
  train: Dataset,
  workers: number,
  module: WebAssembly.Module,
  spawn: SpawnShardHelper,
  helperTimeoutMs = HELPER_TIMEOUT_MS,
): Promise<ParallelTraining> {
  const batchSize = Math.min(config.batchSize, train.count);
  const layout = dataParallelLayout(initial, inputShapeOf(train), batchSize, workers, config.optimizer);
  const plan = sharedMemoryPlan(layout);
  if (!plan) {
    throw new TrainerError('This network is too large to share between workers: choose one worker.');
  }
  const memory = new WebAssembly.Memory({ initial: plan.pages, maximum: plan.pages, shared: true });
  const control = createShardControl(workers);
  const order = new Uint32Array(new SharedArrayBuffer(train.count * 4));
  const kernels = await instantiateKernels(module, { memory, arena: plan.arenas[0] });
  const floats = kernels.viewAt(plan.layoutBase, layout.totalFloats);
  const leader = createShard(layout, 0, floats, config, train, order, kernels);
  const started = await Promise.allSettled(
    Array.from({ length: workers - 1 }, (_, i) =>
      spawn({
        module,
        memory,
        plan,
        layout,
        worker: i + 1,
        config,
        train,
        order,
        control: control.ints.buffer as SharedArrayBuffer,
      }),
    ),
  );
  const helpers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    for (const helper of helpers) helper.terminate();
    const reason = failure.reason instanceof Error ? failure.reason.message : String(failure.reason);
    throw new TrainerError(`Could not start ${workers} training workers: ${reason}`);
  }
  const team = new AtomicsTeam(control, workers, helperTimeoutMs);
  const trainer = new ShardedTrainer(leader, team, order, config, initial, kernels);
  return {
    trainer,
    close() {
      // A helper that stopped answering or failed is ended; one that served the whole run may serve another.
      const reusable = team.healthy;
      team.close();
      for (const helper of helpers) {
        if (reusable && helper.release) helper.release();
        else helper.terminate();
      }
    },
  };
}
