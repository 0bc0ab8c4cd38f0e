// Checkpoints every training run into saved models after each epoch and when it pauses, stops or finishes,
// by watching the store — training-actions needs no knowledge of storage.
import type { SavedModelStatus } from '../storage/digit-lab-db';
import { newModelId } from '../storage/model-repository';
import { getTrainer } from '../worker/client';
import type { RunHistory } from './metrics-slice';
import {
  historyOfRun,
  initModels,
  modelFileHistory,
  modelRepository,
  refreshModelList,
  reportStorageError,
} from './models-actions';
import type { AppState } from './store';
import { useStore } from './store';

/** Saved-model id of each of this session's runs: a run's checkpoints overwrite one entry. */
const savedIdOfRun = new Map<number, string>();
const checkpointedEpoch = new Map<number, number>();
let queue: Promise<void> = Promise.resolve();
let queued = false;
let unsubscribe: (() => void) | null = null;
let initialised: Promise<void> | null = null;

function statusOf(run: RunHistory): SavedModelStatus | null {
  switch (run.end) {
    case 'running':
    case 'paused':
      return 'training';
    case 'finished':
      return 'finished';
    case 'stopped':
    case 'diverged':
      return 'stopped';
    case 'failed':
      // The worker died with the weights; the last epoch's checkpoint is what survives.
      return null;
  }
}

function runName(run: RunHistory, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
  const layers = [784, ...run.config.hiddenSizes, 10].join('-');
  return `${layers} ${run.config.optimizer} · ${when}`;
}

/** Saves the live model as the current run's checkpoint, reading the state when it runs (not when asked). */
export async function checkpointCurrentRun(): Promise<void> {
  const run = useStore.getState().currentRun;
  if (!run || run.id <= 0) return;
  const status = statusOf(run);
  if (status === null) return;
  const repo = await modelRepository();
  if (!repo) return;
  let id = savedIdOfRun.get(run.id);
  if (!id) {
    id = newModelId();
    savedIdOfRun.set(run.id, id);
  }
  try {
    // The worker's .dlm bytes go to storage as they are: decoding and re-encoding the weights (720 KB for the
    // reference network) here blocked the page for 15–60 ms every epoch.
    // The run's curves go into the file itself, so an exported checkpoint carries them.
    const curves = historyOfRun(useStore.getState().currentRun);
    const bytes = await getTrainer().getModel('live', modelFileHistory(curves));
    const now = new Date();
    const state = useStore.getState();
    // The live slot belongs to another model now (one was opened meanwhile): this run's weights are gone.
    if (state.currentRun?.id !== run.id) return;
    const name = state.savedModels.find((m) => m.id === id)?.name ?? runName(run, now);
    await repo.saveBytes(id, bytes, { name, status, history: historyOfRun(state.currentRun) }, now);
    useStore.setState({ openModelId: id });
    await repo.setLastOpenId(id);
    await refreshModelList();
  } catch (error) {
    reportStorageError(error, 'save a checkpoint of the training run');
  }
}

function requestCheckpoint(): void {
  // Several triggers in a row (the last epoch, then "finished") collapse into one save of the latest state.
  if (queued) return;
  queued = true;
  queue = queue.then(() => {
    queued = false;
    return checkpointCurrentRun();
  });
}

function onStoreChange(state: AppState, previous: AppState): void {
  const run = state.currentRun;
  if (!run || run.id <= 0) return;
  const epoch = state.trainingProgress?.epoch ?? 0;
  if (epoch > (checkpointedEpoch.get(run.id) ?? 0)) {
    checkpointedEpoch.set(run.id, epoch);
    requestCheckpoint();
    return;
  }
  const before = previous.currentRun;
  if (before?.id === run.id && before.end !== run.end && run.end !== 'running') requestCheckpoint();
}

/** Start-up (once, from the app shell): reopen the last model, then checkpoint runs. Returns the stop function. */
export function startModelPersistence(): () => void {
  initialised ??= initModels();
  unsubscribe ??= useStore.subscribe(onStoreChange);
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}

/** Resolves when every requested checkpoint has been written (tests, and before a deliberate reload). */
export function checkpointsSettled(): Promise<void> {
  return queue;
}

export function resetModelCheckpoints(): void {
  unsubscribe?.();
  unsubscribe = null;
  initialised = null;
  savedIdOfRun.clear();
  checkpointedEpoch.clear();
  queue = Promise.resolve();
  queued = false;
}
