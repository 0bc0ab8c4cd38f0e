// Asks the worker what the network reads in a drawing: at most one request in flight, the latest input wins.
import { transfer } from 'comlink';
import type { ModelSlot } from '../worker/api';
import { getTrainer } from '../worker/client';
import { startOfflineSupport } from './app-update-actions';
import { rememberModelChoice, storedModelChoice, type ModelChoice } from './model-choice';
import { shippedModel, type ShippedModelId } from './shipped-models';
import { useStore } from './store';

let inFlight = false;
let pending: Float32Array | null = null;
let lastInput: Float32Array | null = null;
/** The shipped network in the worker's 'default' slot, once it is there. */
let loadedShipped: ShippedModelId | null = null;
/** Loads into the 'default' slot run one after another, so the last one asked for is the one that stays. */
let slotQueue: Promise<unknown> = Promise.resolve();
/** Counts worker restarts: a load sent to a worker that was replaced must not count as loaded. */
let workerGeneration = 0;
/** Each shipped file is downloaded once (and only when chosen); switching back needs no second download. */
const downloads = new Map<ShippedModelId, Promise<Uint8Array>>();

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pageUrl(): string {
  return typeof document !== 'undefined' ? document.baseURI : self.location.href;
}

/** A shipped network's file did not arrive; `reason` says why in a few words (offline, HTTP 404). */
class ShippedModelDownloadError extends Error {
  constructor(
    readonly label: string,
    readonly reason: string,
  ) {
    super(`The ${label} network could not be downloaded (${reason}).`);
    this.name = 'ShippedModelDownloadError';
  }
}

async function download(id: ShippedModelId): Promise<Uint8Array> {
  const model = shippedModel(id);
  let response: Response;
  try {
    response = await fetch(new URL(model.url, pageUrl()));
  } catch (error) {
    throw new ShippedModelDownloadError(model.label, describe(error));
  }
  if (!response.ok) throw new ShippedModelDownloadError(model.label, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function downloadOnce(id: ShippedModelId): Promise<Uint8Array> {
  let bytes = downloads.get(id);
  if (!bytes) {
    bytes = download(id);
    downloads.set(id, bytes);
    // A failed download is tried again the next time this network is chosen.
    bytes.catch(() => downloads.delete(id));
  }
  return bytes;
}

async function putInDefaultSlot(id: ShippedModelId): Promise<void> {
  if (loadedShipped === id) return;
  const generation = workerGeneration;
  useStore.setState({ defaultModelStatus: 'loading' });
  // The worker gets a copy; the page keeps the download for a later switch back.
  const bytes = (await downloadOnce(id)).slice();
  await getTrainer().loadModel(transfer(bytes, [bytes.buffer]), 'default');
  if (generation === workerGeneration) loadedShipped = id;
}

async function loadShipped(id: ShippedModelId): Promise<void> {
  try {
    await putInDefaultSlot(id);
    if (useStore.getState().defaultModelStatus !== 'ready')
      useStore.setState({ defaultModelStatus: 'ready' });
  } catch (error) {
    if (id === 'reference') {
      useStore.setState({
        defaultModelStatus: 'error',
        predictionError: `${describe(error)} Reload to try again.`,
      });
      throw error;
    }
    // The reference network is the one every visitor has: it reads the drawing meanwhile, and the page says why.
    const chosen = shippedModel(id).label;
    const why =
      error instanceof ShippedModelDownloadError
        ? `the ${chosen} network could not be downloaded (${error.reason})`
        : `the ${chosen} network could not be read (${describe(error)})`;
    useStore.setState({
      shippedModelId: 'reference',
      modelNotice: `Sorry, ${why}, so the ${shippedModel('reference').label} network reads your drawing instead. Choose ${chosen} again to retry.`,
    });
    await loadShipped('reference');
  }
}

/**
 * Puts the chosen shipped network into the worker's 'default' slot (downloading only that one); the app calls
 * this at start, and before anything reads the slot. A convolutional network that fails falls back to the reference.
 */
export function loadDefaultModel(): Promise<void> {
  const load = slotQueue.then(() => loadShipped(useStore.getState().shippedModelId));
  slotQueue = load.catch(() => undefined);
  return load;
}

/** Which network reads the drawing from now on (the user picked it); the choice is remembered for the next visit. */
export function chooseModel(choice: ModelChoice): void {
  rememberModelChoice(choice);
  if (choice === 'live') {
    useStore.setState({ modelSlot: 'live', modelNotice: null });
    return;
  }
  useStore.setState({ modelSlot: 'default', shippedModelId: choice, modelNotice: null });
  void loadDefaultModel().catch(() => undefined);
}

/**
 * At start: reads with the remembered network. A trained model does not outlive the page, so a remembered
 * "Your trained model" gives way to the reference, with a word why (and the reference is remembered instead).
 */
export function startReading(): Promise<void> {
  const remembered = storedModelChoice();
  if (remembered === 'live') {
    if (useStore.getState().liveModelAvailable) {
      useStore.setState({ modelSlot: 'live' });
    } else {
      rememberModelChoice('reference');
      useStore.setState({
        modelNotice: `Your trained model is gone since the page was reloaded, so the ${shippedModel('reference').label} network reads your drawing. Train a network or open a saved one to read with it again.`,
      });
    }
  } else if (remembered !== null) {
    useStore.setState({ shippedModelId: remembered });
  }
  return loadDefaultModel();
}

async function predict(input: Float32Array): Promise<void> {
  inFlight = true;
  try {
    const slot: ModelSlot = useStore.getState().modelSlot;
    if (slot === 'default') await loadDefaultModel();
    const answeredBy: ModelChoice = slot === 'live' ? 'live' : (loadedShipped ?? 'reference');
    // The worker gets its own copy; `input` stays with the page as what was fed to the network.
    const copy = input.slice();
    const result = await getTrainer().predict(transfer(copy, [copy.buffer]), slot);
    // A drawing cleared meanwhile must not bring an old answer back.
    if (lastInput !== null) {
      useStore.setState({ prediction: { ...result, input, answeredBy }, predictionError: null });
    }
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
  workerGeneration += 1;
  loadedShipped = null;
  slotQueue = Promise.resolve();
  useStore.setState({ defaultModelStatus: 'idle' });
}

useStore.subscribe((state, previous) => {
  // Training or opening a model puts it in the live slot: that is the network chosen now, and next visit.
  if (state.modelSlot === 'live' && previous.modelSlot !== 'live') {
    rememberModelChoice('live');
    if (state.modelNotice !== null) useStore.setState({ modelNotice: null });
  }
  if (state.modelSlot !== previous.modelSlot || state.shippedModelId !== previous.shippedModelId) {
    refreshPrediction();
  }
});
