// When the training loop ends a chunk of steps and yields to its event loop (queued calls, progress).
import { callsWaiting } from './pending-calls';

/**
 * The chunk length when the loop cannot see whether calls wait: a prediction asked for while training is
 * then answered within a frame.
 */
export const CHUNK_MS = 12;
/**
 * The longest chunk when the page counts its calls (pending-calls.ts): the loop then yields as soon as one
 * waits, and otherwise only to report progress.
 */
export const WATCHED_CHUNK_MS = 250;

export interface ChunkClock {
  readonly startMs: number;
  /** When progress was last sent, and how often it is sent. */
  readonly lastMessageMs: number;
  readonly progressIntervalMs: number;
}

/** Whether the chunk should end at `nowMs`; `pendingCalls` is the page's counter, null when it has none. */
export function chunkOver(nowMs: number, clock: ChunkClock, pendingCalls: Int32Array | null): boolean {
  if (pendingCalls === null) return nowMs - clock.startMs >= CHUNK_MS;
  return (
    callsWaiting(pendingCalls) ||
    nowMs - clock.lastMessageMs >= clock.progressIntervalMs ||
    nowMs - clock.startMs >= WATCHED_CHUNK_MS
  );
}
