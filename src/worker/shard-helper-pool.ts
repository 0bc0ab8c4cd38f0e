// Keeps a data-parallel run's helper workers for the next run: a new run (Start, Reset, a new worker count)
// then skips starting a worker and compiling its code again, and its helpers run code the JIT has already
// optimised instead of warming up while the epoch is timed.
import type { ShardHelperHandle, SpawnShardHelper } from './parallel-training';
import type { ShardHelperInit } from './shard-helper';

/** One helper worker that can set up for one run after another (its serve loop returns on exit). */
export interface ReusableShardHelper {
  /** Sends a run's setup; resolves once the helper is ready to serve it, rejects with a readable error. */
  start(init: ShardHelperInit): Promise<void>;
  terminate(): void;
}

/** A helper that took longer than this to set up is stuck (or its thread died): it is ended, not waited for. */
const READY_TIMEOUT_MS = 20_000;

export class ShardHelperPool {
  private readonly idle: ReusableShardHelper[] = [];
  private readonly create: () => ReusableShardHelper;
  private readonly readyTimeoutMs: number;

  constructor(create: () => ReusableShardHelper, readyTimeoutMs = READY_TIMEOUT_MS) {
    this.create = create;
    this.readyTimeoutMs = readyTimeoutMs;
  }

  /** Helpers waiting for a run. */
  get idleCount(): number {
    return this.idle.length;
  }

  /** An idle helper (or a new one) set up with `init`; release() gives it back after its run's exit. */
  readonly spawn: SpawnShardHelper = async (init): Promise<ShardHelperHandle> => {
    const helper = this.idle.pop() ?? this.create();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`a helper worker did not get ready in ${this.readyTimeoutMs / 1000} s`)),
        this.readyTimeoutMs,
      );
    });
    try {
      await Promise.race([helper.start(init), timeout]);
    } catch (error) {
      helper.terminate();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    let ended = false;
    return {
      terminate: () => {
        if (ended) return;
        ended = true;
        helper.terminate();
      },
      release: () => {
        if (ended) return;
        ended = true;
        this.idle.push(helper);
      },
    };
  };

  /** Ends every idle helper (the helpers of a run still going are its own to end). */
  terminateIdle(): void {
    for (const helper of this.idle.splice(0)) helper.terminate();
  }
}
