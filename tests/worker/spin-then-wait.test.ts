// The wait the data-parallel workers use between commands: it returns on a change, and gives up on time.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { spinThenWait } from '../../src/worker/spin-then-wait';

describe('spinThenWait', () => {
  it('returns at once when the slot already differs', () => {
    const ints = new Int32Array(new SharedArrayBuffer(8));
    ints[1] = 5;
    expect(spinThenWait(ints, 1, 4, 1000)).toBe(true);
  });

  it('gives up after the timeout, past the spin, when nothing changes', () => {
    const ints = new Int32Array(new SharedArrayBuffer(8));
    const startedMs = performance.now();
    expect(spinThenWait(ints, 0, 0, 30)).toBe(false);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(29);
  });

  it('wakes from the parked wait when another thread changes the slot and notifies', async () => {
    const ints = new Int32Array(new SharedArrayBuffer(8));
    // A thread that changes slot 0 after 50 ms: well past the spin, so the waiter is parked by then.
    const thread = new Worker(
      `const { workerData } = require('node:worker_threads');
       const ints = new Int32Array(workerData);
       setTimeout(() => { Atomics.store(ints, 0, 1); Atomics.notify(ints, 0); }, 50);`,
      { eval: true, workerData: ints.buffer },
    );
    await new Promise((resolve) => thread.once('online', resolve));
    expect(spinThenWait(ints, 0, 0, 10_000)).toBe(true);
    expect(ints[0]).toBe(1);
    await thread.terminate();
  });
});
