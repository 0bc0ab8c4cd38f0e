// Lets queued messages (pause, stop, predict) run between training chunks, at the cost of one task hop.
//
// Browsers: setTimeout(0) is clamped to >= 4 ms after a few nested calls (about 2 s per epoch in Chromium);
// a MessageChannel message is queued as a task without that clamp (about 3 ms per epoch), behind the
// messages that are already waiting. Node: a MessagePort drains up to 1000 queued messages per turn of the
// event loop, which would starve timers and other ports, so there setImmediate (one per turn) is the hop.

type Resolve = () => void;

let channel: MessageChannel | null = null;
const waiting: Resolve[] = [];

function openChannel(): MessageChannel {
  const opened = new MessageChannel();
  opened.port1.onmessage = () => {
    const resolve = waiting.shift();
    if (resolve) resolve();
  };
  return opened;
}

/** Resolves on a fresh task of the current event loop, after the messages already waiting. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  channel ??= openChannel();
  const ready = channel;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    ready.port2.postMessage(null);
  });
}
