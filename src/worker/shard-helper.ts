// A helper worker of a data-parallel run: what it is sent, and how it sets up its shard before serving.
import { createShard, type DataParallelLayout } from '../nn/data-parallel-layout';
import type { Dataset, TrainingConfig } from '../nn/types';
import { instantiateKernels } from '../wasm/instantiate-kernels';
import { controlOver, shardCommandServer } from './shard-control';
import type { SharedMemoryPlan } from './shared-memory-plan';

/** The one message a helper receives: everything shared, nothing copied but the small fields. */
export interface ShardHelperInit {
  /** The compiled shared-memory kernels (digit-kernels-shared.wasm). */
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly plan: SharedMemoryPlan;
  /** The leader's layout of the shared tensors (plain data): every worker must read the same one. */
  readonly layout: DataParallelLayout;
  readonly worker: number;
  readonly config: TrainingConfig;
  /** Images and labels in SharedArrayBuffers. */
  readonly train: Dataset;
  /** The epoch's sample order, shuffled by the leader. */
  readonly order: Uint32Array;
  readonly control: SharedArrayBuffer;
}

/** Builds the helper's shard; the returned function serves commands until the leader says exit (blocking). */
export async function prepareShardHelper(init: ShardHelperInit): Promise<() => void> {
  const kernels = await instantiateKernels(init.module, {
    memory: init.memory,
    arena: init.plan.arenas[init.worker],
  });
  const floats = kernels.viewAt(init.plan.layoutBase, init.layout.totalFloats);
  const shard = createShard(init.layout, init.worker, floats, init.config, init.train, init.order, kernels);
  // Made here, before the caller says ready, so the server starts from the generation before any command.
  return shardCommandServer(controlOver(init.control), shard, (error) =>
    console.error(`Digit Lab training worker ${init.worker + 1} failed`, error),
  );
}
