// When the training loop yields: every 12 ms when it cannot see the page's calls; with the page's counter,
// as soon as a call waits or progress is due, and otherwise it keeps training.
import { describe, expect, it } from 'vitest';
import { CHUNK_MS, chunkOver, WATCHED_CHUNK_MS } from '../../src/worker/chunk-end';

const clock = { startMs: 1000, lastMessageMs: 900, progressIntervalMs: 250 };

describe('chunkOver', () => {
  it('without a counter, ends every CHUNK_MS', () => {
    expect(chunkOver(1000 + CHUNK_MS - 1, clock, null)).toBe(false);
    expect(chunkOver(1000 + CHUNK_MS, clock, null)).toBe(true);
  });

  it('with a counter, runs on until a call waits, progress is due or the longest chunk is over', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    expect(chunkOver(1000 + 10 * CHUNK_MS, clock, counter)).toBe(false);
    Atomics.add(counter, 0, 1);
    expect(chunkOver(1001, clock, counter)).toBe(true);
    Atomics.sub(counter, 0, 1);
    expect(chunkOver(900 + 250, clock, counter)).toBe(true);
    expect(chunkOver(1000 + WATCHED_CHUNK_MS, { ...clock, progressIntervalMs: 10_000 }, counter)).toBe(true);
    expect(chunkOver(999 + WATCHED_CHUNK_MS, { ...clock, progressIntervalMs: 10_000 }, counter)).toBe(false);
  });
});
