// The engine the worker trains with and the person's worker count: asked of the worker, remembered in localStorage.
import { getTrainer } from '../worker/client';
import type { EngineInfo } from '../worker/training-progress';
import { useStore } from './store';

export const WORKERS_STORAGE_KEY = 'digit-lab.workers';

/** Sessions that already got the remembered count; a restarted worker starts from its default, so gets it again. */
const restoredSessions = new WeakSet<object>();

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The remembered choice, or null when there is none (or it is not a count: an old or hand-edited value). */
export function storedWorkerCount(): number | null {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(WORKERS_STORAGE_KEY) ?? null;
  } catch {
    // Storage blocked by the browser's privacy settings: nothing was remembered, the worker's default holds.
    return null;
  }
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const count = Number(raw);
  return count >= 1 ? count : null;
}

function rememberWorkerCount(count: number): void {
  try {
    globalThis.localStorage?.setItem(WORKERS_STORAGE_KEY, String(count));
  } catch (error) {
    // The choice still applies to this visit; only the next visit will not know it.
    console.warn('Digit Lab: the worker count could not be remembered', error);
  }
}

/** A remembered count made to fit this device: another browser or an old visit may have allowed more. */
export function clampWorkerCount(count: number, engine: EngineInfo): number {
  return Math.min(Math.max(1, Math.floor(count)), engine.maxWorkers);
}

/** Asks the worker for its engine; the first time for a session, applies the remembered worker count. */
export async function loadEngine(): Promise<void> {
  const trainer = getTrainer();
  let engine = await trainer.getEngine();
  if (!restoredSessions.has(trainer)) {
    restoredSessions.add(trainer);
    const stored = storedWorkerCount();
    const count = stored === null ? engine.chosenWorkers : clampWorkerCount(stored, engine);
    if (count !== engine.chosenWorkers) engine = await trainer.setWorkerCount(count);
  }
  useStore.setState({ engine });
}

/** For the page: loads the engine and shows a failure beside the worker count instead of throwing. */
export async function showEngine(): Promise<void> {
  try {
    await loadEngine();
  } catch (error) {
    useStore.setState({
      workerCountError: `The training worker could not say which engine it uses: ${describe(error)}`,
    });
  }
}

/** The person picked a worker count: the worker takes it for the next new run, and the choice is remembered. */
export async function chooseWorkerCount(count: number): Promise<void> {
  try {
    const engine = await getTrainer().setWorkerCount(count);
    useStore.setState({ engine, workerCountError: null });
    rememberWorkerCount(count);
  } catch (error) {
    // The worker's refusal (TrainerError) is written for people; comlink gives it back with the same message.
    useStore.setState({ workerCountError: describe(error) });
  }
}
