// Tests: the worker client's functions backed by a training session on the main thread (jsdom has no Worker).
import { createTrainerApi, type TrainerApi, type TrainerApiOptions } from '../../src/worker/api';
import type { TrainerFailureListener } from '../../src/worker/client';

export interface MainThreadClient {
  getTrainer: () => TrainerApi;
  restartTrainer: () => TrainerApi;
  onTrainerFailure: (listener: TrainerFailureListener) => () => void;
  /** Tests: pretend the worker crashed. */
  crash: (message: string) => void;
}

/** For `vi.mock('…/src/worker/client', () => mainThreadClient())`; a restart gives a fresh, empty session. */
export function mainThreadClient(options: TrainerApiOptions = {}): MainThreadClient {
  let session = createTrainerApi(options);
  const listeners = new Set<TrainerFailureListener>();
  return {
    getTrainer: () => session,
    restartTrainer: () => {
      session = createTrainerApi(options);
      return session;
    },
    onTrainerFailure: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    crash: (message) => {
      for (const listener of listeners) listener(message);
    },
  };
}
