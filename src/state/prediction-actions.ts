// Asks the worker what the network reads in a drawing: at most one request in flight, the latest input wins.
import { transfer } from 'comlink';
import type { ModelSlot } from '../worker/api';
import { getTrainer } from '../worker/client';
import { startOfflineSupport } from './app-update-actions';
import { shippedModel } from './shipped-models';
import { useStore } from './store';

/** Relative to the page, so a build served from any sub-path finds it. */
export const DEFAULT_MODEL_URL = shippedModel('reference').url;

let inFlight = false;
let pending: Float32Array | null = null;
let lastInput: Float32Array | null = null;
let defaultModelLoad: Promise<void> | null = null;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pageUrl(): string {
  return typeof document !== 'undefined' ? document.baseURI : self.location.href;
}

async function fetchDefaultModel(): Promise<void> {
  useStore.setState({ defaultModelStatus: 'loading' });
  try {
    const response = await fetch(new URL(DEFAULT_MODEL_URL, pageUrl()));
    if (!response.ok) {
      throw new Error(
        `The default model could not be downloaded (HTTP ${response.status}); reload to try again.`,
      );
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    await getTrainer().loadModel(transfer(bytes, [bytes.buffer]), 'default');
    useStore.setState({ defaultModelStatus: 'ready' });
  } catch (error) {
    defaultModelLoad = null;
    useStore.setState({ defaultModelStatus: 'error', predictionError: describe(error) });
    throw error;
  }
}

/** Loads the shipped model into the worker's 'default' slot (once); the app calls this at start. */
export function loadDefaultModel(): Promise<void> {
  defaultModelLoad ??= fetchDefaultModel();
  return defaultModelLoad;
}

async function predict(input: Float32Array): Promise<void> {
  inFlight = true;
  try {
    const slot: ModelSlot = useStore.getState().modelSlot;
    if (slot === 'default') await loadDefaultModel();
    // The worker gets its own copy; `input` stays with the page as what was fed to the network.
    const copy = input.slice();
    const result = await getTrainer().predict(transfer(copy, [copy.buffer]), slot);
    // A drawing cleared meanwhile must not bring an old answer back.
    if (lastInput !== null) useStore.setState({ prediction: { ...result, input }, predictionError: null });
    // The app has shown what it is for; now the service worker may precache it for offline use.
    startOfflineSupport();
  } catch (error) {
    useStore.setState({ predictionError: describe(error) });
  } finally {
    inFlight = false;
    const next = pending;
    pending = null;
    if (next) void predict(next);
  }
}

/** Predicts `input` (784 values in [0, 1]) with the chosen model; calls made meanwhile collapse into the latest. */
export function requestPrediction(input: Float32Array): void {
  lastInput = input;
  if (inFlight) {
    pending = input;
    return;
  }
  void predict(input);
}

/** No ink, no prediction. */
export function clearPrediction(): void {
  lastInput = null;
  pending = null;
  useStore.setState({ prediction: null, predictionError: null });
}

/** Asks again for the last input: the model changed (training progressed, or the user switched models). */
export function refreshPrediction(): void {
  if (lastInput) requestPrediction(lastInput);
}

/** After a worker restart: a request lost with the old worker must not block the queue, and the model reloads. */
export function resetPredictionQueue(): void {
  inFlight = false;
  pending = null;
  defaultModelLoad = null;
  useStore.setState({ defaultModelStatus: 'idle' });
}

useStore.subscribe((state, previous) => {
  if (state.modelSlot !== previous.modelSlot) refreshPrediction();
});
