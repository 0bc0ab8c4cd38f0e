// The words a data-parallel run's workers signal each other through (one small SharedArrayBuffer), and the
// helper's side of the protocol: wait for a command, run it on its shard, say it is done.
import type { DataParallelShard } from '../nn/data-parallel-shard';
import { spinThenWait } from './spin-then-wait';

/** Int32 slots. */
export const GENERATION = 0;
export const COMMAND = 1;
export const ARG_START = 2;
export const ARG_ROWS = 3;
export const ARG_STEP = 4;
export const ARG_CONTRIBUTORS = 5;
/** Helpers that finished the current command. */
export const ARRIVED = 6;
/** 0, or the index of a helper whose command threw. */
export const FAILED = 7;
export const ARG_EPOCH = 8;
/** Ten, not nine: the Float64 slots after them must start on a multiple of 8 bytes. */
const INT_SLOTS = 10;

export const COMMAND_GRADIENTS = 1;
export const COMMAND_UPDATE = 2;
export const COMMAND_EXIT = 3;

/** Float64 slots after the Int32 ones: the learning-rate scale, then (loss sum, correct) per worker. */
export const F64_LEARNING_RATE_SCALE = 0;
export const f64LossSum = (worker: number): number => 1 + 2 * worker;
export const f64Correct = (worker: number): number => 2 + 2 * worker;

export interface ShardControl {
  readonly ints: Int32Array;
  readonly floats: Float64Array;
}

export function createShardControl(workers: number): ShardControl {
  const buffer = new SharedArrayBuffer(INT_SLOTS * 4 + (1 + 2 * workers) * 8);
  return controlOver(buffer);
}

/** The same control seen from another worker (it received `ints.buffer`). */
export function controlOver(buffer: SharedArrayBuffer): ShardControl {
  return {
    ints: new Int32Array(buffer, 0, INT_SLOTS),
    floats: new Float64Array(buffer, INT_SLOTS * 4),
  };
}

/**
 * A helper's life: the returned function runs each command the leader posts on `shard` until told to exit.
 * It blocks its thread between commands (Atomics.wait), so it belongs in a worker of its own. The generation
 * it serves from is read here, before the helper says it is ready: the leader posts as soon as it hears so,
 * and a helper descheduled before it first waited would otherwise take that command as already served and
 * wait forever. `onError` hears what a command threw.
 */
export function shardCommandServer(
  control: ShardControl,
  shard: DataParallelShard,
  onError: (error: unknown) => void,
): () => void {
  const { ints, floats } = control;
  let seen = Atomics.load(ints, GENERATION);
  return () => {
    for (;;) {
      spinThenWait(ints, GENERATION, seen, Infinity);
      seen = Atomics.load(ints, GENERATION);
      const command = Atomics.load(ints, COMMAND);
      try {
        if (command === COMMAND_GRADIENTS) {
          const result = shard.computeGradients(
            Atomics.load(ints, ARG_START),
            Atomics.load(ints, ARG_ROWS),
            Atomics.load(ints, ARG_EPOCH),
          );
          floats[f64LossSum(shard.worker)] = result.lossSum;
          floats[f64Correct(shard.worker)] = result.correct;
        } else if (command === COMMAND_UPDATE) {
          shard.applyUpdate(
            Atomics.load(ints, ARG_STEP),
            floats[F64_LEARNING_RATE_SCALE],
            Atomics.load(ints, ARG_CONTRIBUTORS),
          );
        }
      } catch (error) {
        Atomics.store(ints, FAILED, shard.worker);
        onError(error);
      }
      Atomics.add(ints, ARRIVED, 1);
      Atomics.notify(ints, ARRIVED);
      if (command === COMMAND_EXIT) return;
    }
  };
}
