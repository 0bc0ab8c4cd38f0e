// How many calls the page has sent the training worker that it has not taken yet, in one shared Int32. With
// it, the training loop runs long chunks and yields the moment a call waits; without it (a page that is not
// cross-origin isolated has no shared memory), it must yield every few milliseconds in case one does. Each
// yield costs both workers of a parallel run about a step, as the idle one parks and its caches go cold.

/** The one method that is not counted: the page sends it on the raw connection to hand the counter over. */
export const WATCH_PENDING_CALLS = 'watchPendingCalls';

export interface PendingCallsWatcher {
  watchPendingCalls(counter: Int32Array): void;
}

/** A fresh counter, or null where this page cannot share memory with its workers. */
export function createPendingCalls(): Int32Array | null {
  if (typeof SharedArrayBuffer === 'undefined') return null;
  if (typeof crossOriginIsolated === 'boolean' && !crossOriginIsolated) return null;
  return new Int32Array(new SharedArrayBuffer(4));
}

/** True while at least one call is on its way or queued. */
export function callsWaiting(counter: Int32Array): boolean {
  return Atomics.load(counter, 0) > 0;
}

/** The page's side: `remote` whose every method call first adds itself to `counter`. */
export function countingCalls<T extends object>(remote: T, counter: Int32Array): T {
  return new Proxy(remote, {
    get(target, key, receiver) {
      const member: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || key === WATCH_PENDING_CALLS || typeof member !== 'function') {
        return member;
      }
      return (...args: unknown[]) => {
        Atomics.add(counter, 0, 1);
        return (member as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

/**
 * The worker's side: `api` whose every method takes itself off the counter as it starts, once the page has
 * handed one over through watchPendingCalls (which `api` also hears, to watch the same counter).
 */
export function takingCalls<T extends PendingCallsWatcher>(api: T): T {
  let counter: Int32Array | null = null;
  const taking = {} as Record<string, unknown>;
  for (const [key, member] of Object.entries(api)) {
    if (typeof member !== 'function') {
      taking[key] = member;
    } else if (key === WATCH_PENDING_CALLS) {
      taking[key] = (next: Int32Array) => {
        counter = next;
        api.watchPendingCalls(next);
      };
    } else {
      taking[key] = (...args: unknown[]) => {
        if (counter) Atomics.sub(counter, 0, 1);
        return (member as (...a: unknown[]) => unknown).apply(api, args);
      };
    }
  }
  return taking as T;
}
