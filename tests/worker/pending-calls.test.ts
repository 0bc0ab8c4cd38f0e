// The page's count of calls on their way to the training worker, through real comlink over a MessageChannel:
// every counted call is taken off as the worker starts it, so the count is back at zero when nothing waits.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { expose, wrap, type Endpoint } from 'comlink';
import {
  callsWaiting,
  countingCalls,
  createPendingCalls,
  takingCalls,
  type PendingCallsWatcher,
} from '../../src/worker/pending-calls';

interface FakeApi extends PendingCallsWatcher {
  double(x: number): number;
  fail(): void;
  readonly name: string;
}

const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function connect() {
  const watched: Int32Array[] = [];
  const api: FakeApi = {
    name: 'fake',
    watchPendingCalls: (counter) => void watched.push(counter),
    double: (x) => {
      // The worker sees its own call taken off already: nothing else waits.
      seenWhileRunning.push(Atomics.load(counter, 0));
      return 2 * x;
    },
    fail: () => {
      throw new Error('refused');
    },
  };
  const seenWhileRunning: number[] = [];
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(takingCalls(api), port1 as unknown as Endpoint);
  const raw = wrap<FakeApi>(port2 as unknown as Endpoint);
  const counter = createPendingCalls()!;
  void raw.watchPendingCalls(counter);
  return { remote: countingCalls(raw, counter), counter, watched, seenWhileRunning };
}

describe('pending calls', () => {
  it('counts a call from the moment it is sent until the worker starts it', async () => {
    const { remote, counter, watched, seenWhileRunning } = connect();
    const first = remote.double(2);
    const second = remote.double(5);
    // Sent but not yet taken: the training loop would yield now.
    expect(Atomics.load(counter, 0)).toBe(2);
    expect(callsWaiting(counter)).toBe(true);
    await expect(first).resolves.toBe(4);
    await expect(second).resolves.toBe(10);
    expect(seenWhileRunning).toEqual([1, 0]);
    expect(callsWaiting(counter)).toBe(false);
    // The handover itself was not counted, and the api heard it.
    expect(watched).toEqual([counter]);
  });

  it('takes off a call that throws as well', async () => {
    const { remote, counter } = connect();
    await expect(remote.fail()).rejects.toThrow('refused');
    expect(Atomics.load(counter, 0)).toBe(0);
  });
});
