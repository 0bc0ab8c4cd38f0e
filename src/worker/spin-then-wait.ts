// Waits for an Int32 slot of shared memory to change: a short spin first, then a parked Atomics.wait.

/**
 * While training, the next command follows the last within microseconds. A parked thread costs the one who
 * wakes it a futex call (0.4–0.9 ms measured per wake on a 2-core VM) and itself a reschedule; spinning that
 * long first means no one parks during a run, and an idle (paused) run still sleeps.
 */
const SPIN_MS = 1;
const CHECKS_PER_CLOCK_READ = 256;

/**
 * Returns once ints[index] !== value, or when `timeoutMs` ran out (Infinity: never): true when it changed.
 */
export function spinThenWait(ints: Int32Array, index: number, value: number, timeoutMs: number): boolean {
  const startedMs = performance.now();
  const spinUntilMs = startedMs + Math.min(SPIN_MS, timeoutMs);
  for (;;) {
    for (let i = 0; i < CHECKS_PER_CLOCK_READ; i++) {
      if (Atomics.load(ints, index) !== value) return true;
    }
    if (performance.now() >= spinUntilMs) break;
  }
  const left = timeoutMs - (performance.now() - startedMs);
  if (left <= 0) return Atomics.load(ints, index) !== value;
  Atomics.wait(ints, index, value, left);
  return Atomics.load(ints, index) !== value;
}
