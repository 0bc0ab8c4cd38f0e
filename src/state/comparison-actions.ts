// Reads what the Models place compares: a shipped model's file, downloaded when ticked, and a saved model's
// curves from storage. Only the Models place imports this, so none of it comes with the landing page.
import { readModelHeader } from '../nn/model-file';
import {
  comparedModelOfHeader,
  comparedModelOfSummary,
  epochSamplesOf,
  savedCurvesKey,
  shippedComparisonId,
  type ComparisonFile,
} from './compared-model';
import { modelRepository } from './models-actions';
import type { SavedModelSummary } from './models-slice';
import { shippedModel, type ShippedModelId } from './shipped-models';
import { useStore } from './store';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function setFile(key: string, file: ComparisonFile): void {
  useStore.setState((s) => ({ comparisonFiles: { ...s.comparisonFiles, [key]: file } }));
}

function pageUrl(): string {
  return typeof document !== 'undefined' ? document.baseURI : self.location.href;
}

/**
 * Downloads a shipped model and reads its header (name, layers, accuracy, curves); the weights stay undecoded.
 * A failure is recorded on the entry, and trying again downloads afresh.
 */
export async function downloadShippedModel(id: ShippedModelId): Promise<void> {
  const key = shippedComparisonId(id);
  const current = useStore.getState().comparisonFiles[key];
  if (current?.status === 'loading' || current?.status === 'ready') return;
  const shipped = shippedModel(id);
  setFile(key, { status: 'loading' });
  try {
    let response: Response;
    try {
      response = await fetch(new URL(shipped.url, pageUrl()));
    } catch (error) {
      throw new Error(`the download failed (${describe(error)}); check the connection and try again`);
    }
    if (!response.ok) throw new Error(`the server answered HTTP ${response.status}; try again later`);
    const header = readModelHeader(new Uint8Array(await response.arrayBuffer()));
    setFile(key, {
      status: 'ready',
      model: comparedModelOfHeader(header, key, 'shipped'),
      curves: { history: header.history, epochSamples: epochSamplesOf(header.metrics) },
    });
  } catch (error) {
    const reason = describe(error);
    setFile(key, {
      status: 'failed',
      error: `${shipped.label} could not be loaded: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`,
    });
  }
}

/** Ticks or unticks a shipped model; ticking downloads it (once) if it is not here yet. */
export function toggleShippedComparison(id: ShippedModelId): void {
  const key = shippedComparisonId(id);
  const { comparedModelIds, toggleComparedModel, comparisonFiles } = useStore.getState();
  const ticking = !comparedModelIds.includes(key);
  toggleComparedModel(key);
  // A failed download is tried again on the next tick.
  if (ticking && comparisonFiles[key]?.status !== 'ready') void downloadShippedModel(id);
}

/** Reads a compared saved model's curves (the ones stored beside it, or its file's) once per save. */
export async function loadSavedCurves(summary: SavedModelSummary): Promise<void> {
  const key = savedCurvesKey(summary);
  if (useStore.getState().comparisonFiles[key]) return;
  setFile(key, { status: 'loading' });
  const repo = await modelRepository();
  if (!repo) {
    setFile(key, { status: 'failed', error: 'This browser gives no access to saved models.' });
    return;
  }
  try {
    const loaded = await repo.load(summary.id);
    const history = loaded.history;
    setFile(key, {
      status: 'ready',
      model: comparedModelOfSummary(loaded.summary),
      curves: {
        history: history
          ? { train: history.train, test: history.test, epochSeconds: history.epochSeconds ?? [] }
          : null,
        epochSamples: epochSamplesOf(loaded.model.metrics),
      },
    });
  } catch (error) {
    setFile(key, { status: 'failed', error: describe(error) });
  }
}
