// Waits for an Int32 slot of shared memory to change: a short spin first, then a parked Atomics.wait.

/**
 * While training, the next command usually follows the last within a fraction of a millisecond. A parked
 * thread costs whoever wakes it a futex call (0.4–0.9 ms per wake measured on a 2-core VM, where an idle
 * virtual core halts) and itself a reschedule, so a short spin comes first. Only a short one: when there are
 * more runnable threads than cores (the page, other programs), a spinning thread takes the core the thread it
 * waits for needs; a 1 ms spin made loaded epochs 2–4× slower. A paused run still sleeps.
 */
const SPIN_MS = 0.2;
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
