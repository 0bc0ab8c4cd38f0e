// The Inspect place's actions: ask the worker to explain the inspected digit, fetch weights, analyse the test set,
// fill the gallery and the dataset browser. Each writes its results into the store with setState.
import { galleryIndices, indicesWithLabel } from '../nn/analysis';
import type { ModelSlot } from '../worker/api';
import { getTrainer } from '../worker/client';
import type {
  BrowserDigit,
  ConfusionCellRef,
  GalleryDigit,
  InspectSplit,
  SaliencyView,
  UnitRef,
} from './inspect-slice';
import { ensureDataset } from './dataset-actions';
import { modelChoiceLabel, type ModelChoice } from './model-choice';
import { loadDefaultModel } from './prediction-actions';
import { selectModelChoice } from './prediction-slice';
import { useStore } from './store';

export const GALLERY_PAGE = 60;
export const BROWSER_PAGE = 40;
const PIXELS = 784;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The model being inspected is the one the app predicts with (the shipped default until one is trained). */
function activeSlot(): ModelSlot {
  return useStore.getState().modelSlot;
}

async function ensureModel(slot: ModelSlot): Promise<void> {
  if (slot === 'default') return loadDefaultModel();
  if (!(await getTrainer().hasModel(slot))) {
    throw new Error('There is no trained model yet: train one on the Train page first.');
  }
}

/** Notes whether the model has conv or pool layers, which decides the views the place shows. */
async function noteArchitecture(slot: ModelSlot): Promise<void> {
  const { architecture, convolutional } = await getTrainer().getArchitecture(slot);
  if (useStore.getState().inspectedConvLayers !== (convolutional ? architecture : null)) {
    useStore.setState({ inspectedConvLayers: convolutional ? architecture : null, selectedUnit: null });
  }
}

/** Has the worker load a split through the app's one loader, so the header shows its progress. */
async function ensureSplit(split: InspectSplit): Promise<void> {
  await ensureDataset(split);
  const loaded = useStore.getState().datasets[split];
  if (loaded.status !== 'ready') {
    throw new Error(
      loaded.error ?? `The ${split === 'test' ? 'test' : 'training'} digits are not loaded yet.`,
    );
  }
}

/** Runs `task` now, or once more after the running one when asked again meanwhile: the latest request wins. */
function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await task();
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => (running = null));
    return running;
  };
}

function currentInput(): Float32Array | null {
  const s = useStore.getState();
  if (s.inspectSource.kind === 'dataset') return s.inspectSource.input;
  return s.prediction?.input ?? null;
}

/** Explains the inspected digit (forward pass, saliency, loss, gradients) with the current options. */
export const refreshInspection = coalesced(async () => {
  const input = currentInput();
  const state = useStore.getState();
  const source = state.inspectSource;
  if (!input) {
    useStore.setState({ inspected: null, inspectError: null });
    return;
  }
  try {
    const slot = activeSlot();
    await ensureModel(slot);
    await noteArchitecture(slot);
    const trueLabel = state.lossLabel ?? (source.kind === 'dataset' ? source.label : undefined);
    const explanation = await getTrainer().explain(input, slot, {
      targetClass: state.saliencyTarget ?? undefined,
      trueLabel,
    });
    useStore.setState({ inspected: { source, input, explanation }, inspectError: null });
  } catch (error) {
    useStore.setState({ inspectError: describe(error) });
  }
});

/** Copies the inspected model's weights to the page (for the weight images and unit details). */
export const refreshWeights = coalesced(async () => {
  try {
    const slot = activeSlot();
    await ensureModel(slot);
    await noteArchitecture(slot);
    const modelWeights = await getTrainer().getWeights(slot);
    const { layerSizes, W, b } = modelWeights;
    useStore.setState({ modelWeights, weights: layerSizes ? { layerSizes, W, b } : null });
  } catch (error) {
    useStore.setState({ inspectError: describe(error) });
  }
});

export function inspectDrawing(): Promise<void> {
  useStore.setState({ inspectSource: { kind: 'drawing' }, saliencyTarget: null, lossLabel: null });
  return refreshInspection();
}

/** Puts a dataset digit (784 bytes) into the inspector. */
export function inspectDatasetDigit(
  split: InspectSplit,
  index: number,
  image: Uint8Array,
  label: number,
): Promise<void> {
  const input = Float32Array.from(image, (byte) => byte / 255);
  useStore.setState({
    inspectSource: { kind: 'dataset', split, index, label, input },
    saliencyTarget: null,
    lossLabel: null,
  });
  return refreshInspection();
}

/** Loads test digit `index` from the worker and inspects it. */
export async function inspectTestDigit(index: number): Promise<void> {
  try {
    await ensureSplit('test');
    const { images, labels } = await getTrainer().getSamples('test', Int32Array.of(index));
    await inspectDatasetDigit('test', index, images, labels[0]);
  } catch (error) {
    useStore.setState({ inspectError: describe(error) });
  }
}

export function setSaliencyTarget(targetClass: number | null): Promise<void> {
  useStore.setState({ saliencyTarget: targetClass });
  return refreshInspection();
}

export function setLossLabel(label: number | null): Promise<void> {
  useStore.setState({ lossLabel: label });
  return refreshInspection();
}

export function setSaliencyView(view: SaliencyView): void {
  useStore.setState({ saliencyView: view });
}

export function selectUnit(unit: UnitRef | null): void {
  useStore.setState({ selectedUnit: unit });
}

/** Which model the analysis in the store describes: a slot, and for the default slot which shipped network. */
let analysedModel: ModelChoice | null = null;

/** Evaluates the inspected model on all 10,000 test digits (confusion, precision/recall, dead units). */
export async function runAnalysis(): Promise<void> {
  useStore.setState({ analysisStatus: 'running', analysisError: null });
  try {
    const slot = activeSlot();
    await Promise.all([ensureModel(slot), ensureSplit('test')]);
    const analysed = selectModelChoice(useStore.getState());
    const analysis = await getTrainer().analyseTestSet(slot);
    // The person switched models (or opened one elsewhere) while this ran: measure the one shown now.
    if (activeSlot() !== slot || selectModelChoice(useStore.getState()) !== analysed) return runAnalysis();
    analysedModel = analysed;
    const when = new Date().toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
    useStore.setState({
      analysis,
      analysisStatus: 'ready',
      analysisOf: `${analysed === 'live' ? 'the model trained or opened here' : `the shipped ${modelChoiceLabel(analysed)} network`}, measured at ${when}`,
      selectedCell: null,
      gallery: null,
    });
  } catch (error) {
    useStore.setState({ analysisStatus: 'error', analysisError: describe(error) });
  }
}

async function loadTestDigits(indices: readonly number[]): Promise<GalleryDigit[]> {
  const analysis = useStore.getState().analysis;
  if (!analysis || indices.length === 0) return [];
  const { images, labels } = await getTrainer().getSamples('test', Int32Array.from(indices));
  const classes = analysis.classes;
  return indices.map((index, i) => ({
    index,
    image: images.subarray(i * PIXELS, (i + 1) * PIXELS),
    label: labels[i],
    predicted: analysis.predictions[index],
    probabilities: analysis.probabilities.subarray(index * classes, (index + 1) * classes),
  }));
}

/** Opens the gallery of one confusion-matrix cell with its first page of digits. */
export async function selectConfusionCell(cell: ConfusionCellRef): Promise<void> {
  const analysis = useStore.getState().analysis;
  if (!analysis) return;
  const indices = galleryIndices(
    analysis.labels,
    analysis.predictions,
    analysis.confidences,
    cell.trueLabel,
    cell.predicted,
  );
  const gallery = { cell, indices, digits: [] };
  useStore.setState({ selectedCell: cell, gallery });
  await showMoreGallery();
}

export async function showMoreGallery(): Promise<void> {
  const gallery = useStore.getState().gallery;
  if (!gallery) return;
  const next = gallery.indices.slice(gallery.digits.length, gallery.digits.length + GALLERY_PAGE);
  try {
    const digits = await loadTestDigits(next);
    // Another cell may have been chosen while these digits were on their way.
    if (useStore.getState().gallery !== gallery) return;
    useStore.setState({ gallery: { ...gallery, digits: [...gallery.digits, ...digits] } });
  } catch (error) {
    useStore.setState({ analysisError: describe(error) });
  }
}

const labelsOf = new Map<InspectSplit, Uint8Array>();

/** Changes the dataset browser's split, label filter or page and loads that page's digits. */
export async function browseDataset(change: {
  split?: InspectSplit;
  label?: number | null;
  page?: number;
}): Promise<void> {
  const previous = useStore.getState().datasetBrowser;
  const filterChanged =
    (change.split !== undefined && change.split !== previous.split) ||
    (change.label !== undefined && change.label !== previous.label);
  const request = {
    ...previous,
    ...change,
    page: change.page ?? (filterChanged ? 0 : previous.page),
    total: filterChanged ? null : previous.total,
  };
  useStore.setState({ datasetBrowser: request });
  try {
    await ensureSplit(request.split);
    let labels = labelsOf.get(request.split);
    if (!labels) {
      labels = await getTrainer().getLabels(request.split);
      labelsOf.set(request.split, labels);
    }
    const matching = indicesWithLabel(labels, request.label);
    const pageCount = Math.ceil(matching.length / BROWSER_PAGE);
    const page = Math.max(0, Math.min(request.page, pageCount - 1));
    const shown = matching.slice(page * BROWSER_PAGE, (page + 1) * BROWSER_PAGE);
    const { images } = await getTrainer().getSamples(request.split, Int32Array.from(shown));
    const digits: BrowserDigit[] = shown.map((index, i) => ({
      index,
      image: images.subarray(i * PIXELS, (i + 1) * PIXELS),
      label: labels[index],
    }));
    if (useStore.getState().datasetBrowser !== request) return;
    useStore.setState({ datasetBrowser: { ...request, page, total: matching.length, digits } });
  } catch (error) {
    useStore.setState({ inspectError: describe(error) });
  }
}

/** The drawn input the inspector last knew of, so a return visit only switches to a drawing that is new. */
let lastDrawingSeen: Float32Array | null = null;

/** While training changes the inspected live model, refresh the digit and weights at most this often. */
const LIVE_REFRESH_MS = 1000;

/**
 * Called when the Inspect place opens: shows the drawn digit (or the first test digit), the weights, the
 * test-set analysis and the browser's first page, then follows new drawings, model switches and training.
 * Returns the function that stops following.
 */
export function startInspector(): () => void {
  const state = useStore.getState();
  const drawn = state.prediction?.input ?? null;
  // A digit drawn since the last visit is what the user wants to see; otherwise keep what was inspected.
  if (drawn && (drawn !== lastDrawingSeen || !state.inspected)) void inspectDrawing();
  else if (!state.inspected) void inspectTestDigit(0);
  else void refreshInspection();
  lastDrawingSeen = drawn;
  void refreshWeights();
  // The live model may have trained since the last visit; the default one never changes.
  const stale = analysedModel !== selectModelChoice(state) || state.modelSlot === 'live';
  if (state.analysisStatus !== 'running' && (state.analysisStatus !== 'ready' || stale)) void runAnalysis();
  if (state.datasetBrowser.total === null) void browseDataset({});

  let lastLiveRefreshMs = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const liveRefresh = () => {
    timer = null;
    lastLiveRefreshMs = Date.now();
    void refreshInspection();
    void refreshWeights();
  };
  const unsubscribe = useStore.subscribe((now, before) => {
    if (now.prediction?.input && now.prediction.input !== before.prediction?.input) {
      lastDrawingSeen = now.prediction.input;
      if (now.inspectSource.kind === 'drawing') void refreshInspection();
      else void inspectDrawing();
    }
    if (now.modelSlot !== before.modelSlot || now.shippedModelId !== before.shippedModelId) {
      void refreshInspection();
      void refreshWeights();
      void runAnalysis();
      return;
    }
    if (now.modelSlot !== 'live') return;
    if (now.trainingProgress !== before.trainingProgress && timer === null) {
      timer = setTimeout(liveRefresh, Math.max(0, lastLiveRefreshMs + LIVE_REFRESH_MS - Date.now()));
    }
    // A run that just paused or ended has new final weights: measure them on the whole test set.
    if (before.trainingStatus === 'running' && now.trainingStatus !== 'running') void runAnalysis();
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
