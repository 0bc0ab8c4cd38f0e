// The page's one handle on the training worker: a comlink wrap, restarted after a crash.
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { TrainerApi } from './api';
import { countingCalls, createPendingCalls } from './pending-calls';

export type TrainerRemote = Remote<TrainerApi>;
export type TrainerFailureListener = (message: string) => void;

let worker: Worker | null = null;
let remote: TrainerRemote | null = null;
const failureListeners = new Set<TrainerFailureListener>();

function describeFailure(event: Event): string {
  if (event instanceof ErrorEvent && event.message) return `The training worker crashed: ${event.message}`;
  return 'The training worker stopped working (it could not be loaded or ran out of memory).';
}

function startWorker(): TrainerRemote {
  const started = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'digit-lab-trainer',
  });
  const onFailure = (event: Event) => {
    // A failure of a worker that was already replaced is old news.
    if (started !== worker) return;
    event.preventDefault();
    const message = describeFailure(event);
    for (const listener of failureListeners) listener(message);
  };
  started.addEventListener('error', onFailure);
  started.addEventListener('messageerror', onFailure);
  worker = started;
  const raw = wrap<TrainerApi>(started);
  // Counted calls let training run long chunks and still answer a call at once (see pending-calls.ts).
  const pending = createPendingCalls();
  if (pending) void raw.watchPendingCalls(pending);
  remote = pending ? countingCalls(raw, pending) : raw;
  return remote;
}

/** The training session in the worker, started on first use. */
export function getTrainer(): TrainerRemote {
  return remote ?? startWorker();
}

/** Ends the current worker (whatever it was doing) and starts a fresh one with an empty session. */
export function restartTrainer(): TrainerRemote {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
  return startWorker();
}

/** Calls `listener` when the worker throws outside a call or dies; returns the unsubscribe function. */
export function onTrainerFailure(listener: TrainerFailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}
