// The leader's side of a data-parallel run whose helpers are other threads: each phase is posted through
// shared memory, and the leader blocks (Atomics.wait, allowed in workers) until every helper has finished it.
import type { GradientTotals, ShardTeam } from '../nn/sharded-trainer';
import {
  ARG_CONTRIBUTORS,
  ARG_EPOCH,
  ARG_ROWS,
  ARG_START,
  ARG_STEP,
  ARRIVED,
  COMMAND,
  COMMAND_EXIT,
  COMMAND_GRADIENTS,
  COMMAND_UPDATE,
  F64_LEARNING_RATE_SCALE,
  f64Correct,
  f64LossSum,
  FAILED,
  GENERATION,
  type ShardControl,
} from './shard-control';
import { spinThenWait } from './spin-then-wait';
import { TrainerError } from './trainer-error';

/** A phase takes milliseconds; a helper silent this long has died (crashed, or its tab ran out of memory). */
export const HELPER_TIMEOUT_MS = 20_000;

export class AtomicsTeam implements ShardTeam {
  readonly size: number;
  private readonly control: ShardControl;
  private closed = false;
  private broken = false;

  private readonly timeoutMs: number;

  constructor(control: ShardControl, size: number, timeoutMs = HELPER_TIMEOUT_MS) {
    this.control = control;
    this.size = size;
    this.timeoutMs = timeoutMs;
  }

  startGradients(start: number, batchRows: number, epoch: number): void {
    const { ints } = this.control;
    Atomics.store(ints, ARG_START, start);
    Atomics.store(ints, ARG_ROWS, batchRows);
    Atomics.store(ints, ARG_EPOCH, epoch);
    this.post(COMMAND_GRADIENTS);
  }

  finishGradients(totals: GradientTotals): void {
    this.awaitHelpers();
    const { floats } = this.control;
    for (let w = 1; w < this.size; w++) {
      totals.lossSum += floats[f64LossSum(w)];
      totals.correct += floats[f64Correct(w)];
    }
  }

  startUpdate(step: number, learningRateScale: number, contributors: number): void {
    const { ints, floats } = this.control;
    Atomics.store(ints, ARG_STEP, step);
    Atomics.store(ints, ARG_CONTRIBUTORS, contributors);
    floats[F64_LEARNING_RATE_SCALE] = learningRateScale;
    this.post(COMMAND_UPDATE);
  }

  finishUpdate(): void {
    this.awaitHelpers();
  }

  /** False once a helper stopped answering or failed: its thread may be stuck, so it must not be reused. */
  get healthy(): boolean {
    return !this.broken;
  }

  /** Tells the helpers to return from their loops (they can then be terminated); safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.post(COMMAND_EXIT);
  }

  private post(command: number): void {
    if (this.closed && command !== COMMAND_EXIT) {
      throw new TrainerError('This run’s training workers have been shut down: start a new run.');
    }
    const { ints } = this.control;
    Atomics.store(ints, ARRIVED, 0);
    Atomics.store(ints, COMMAND, command);
    Atomics.add(ints, GENERATION, 1);
    Atomics.notify(ints, GENERATION);
  }

  private awaitHelpers(): void {
    const { ints } = this.control;
    const helpers = this.size - 1;
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      const arrived = Atomics.load(ints, ARRIVED);
      if (arrived >= helpers) break;
      const left = deadline - performance.now();
      if (left <= 0) {
        this.broken = true;
        throw new TrainerError(
          `A training worker stopped answering (no reply in ${this.timeoutMs / 1000} s): start a new run, or choose one worker.`,
        );
      }
      spinThenWait(ints, ARRIVED, arrived, left);
    }
    const failed = Atomics.load(ints, FAILED);
    if (failed !== 0) {
      this.broken = true;
      throw new TrainerError(
        `Training worker ${failed + 1} failed (its error is in the browser console): start a new run, or choose one worker.`,
      );
    }
  }
}
