// Saved models: open the browser's store at start-up and bring back the last open model with its charts; open,
// import, rename, delete and export models. Storage failures are reported and never touch the model in memory.
import { transfer } from 'comlink';
import type { ExportedFile } from '../io/model-export';
import type { ModelFileFormat } from '../io/model-import';
import { deserializeModel, serializeModel, type ModelFile } from '../nn/model-file';
import { ModelFormatError } from '../nn/model-format-error';
import { modelShapeText } from '../nn/model-params';
import type { ModelHistory } from '../nn/model-history';
import type { SavedModelSummary, StoredMetricHistory, StoredMetricPoint } from '../storage/digit-lab-db';
import { ModelRepository, newModelId, type LoadedModel } from '../storage/model-repository';
import { StorageError, toStorageError } from '../storage/storage-error';
import { getTrainer } from '../worker/client';
import type { RunHistory } from './metrics-slice';
import { refreshPrediction } from './prediction-actions';
import { useStore } from './store';
import { configFromHash } from './url-config';

let repository: Promise<ModelRepository | null> | null = null;
/** Restored runs get negative ids, so they never collide with this session's runs (1, 2, 3…). */
let restoredRunCounter = 0;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Records a storage failure for the page to show; the caller carries on with the model in memory. */
export function reportStorageError(error: unknown, action: string): void {
  const storageError = toStorageError(error, action);
  useStore.setState((s) => ({
    storageError: storageError.message,
    modelsStatus: storageError.kind === 'unavailable' ? 'unavailable' : s.modelsStatus,
  }));
}

/** The repository, opened once; null when the browser has no usable storage (already reported). */
export function modelRepository(databaseName?: string): Promise<ModelRepository | null> {
  repository ??= (async () => {
    useStore.setState({ modelsStatus: 'loading' });
    try {
      const repo = await ModelRepository.open(databaseName);
      useStore.setState({ modelsStatus: 'ready' });
      return repo;
    } catch (error) {
      reportStorageError(error, 'open saved models');
      useStore.setState({ modelsStatus: 'unavailable' });
      return null;
    }
  })();
  return repository;
}

export async function refreshModelList(): Promise<void> {
  const repo = await modelRepository();
  if (!repo) return;
  try {
    useStore.setState({ savedModels: await repo.list() });
  } catch (error) {
    reportStorageError(error, 'list saved models');
  }
}

export function historyOfRun(run: RunHistory | null): StoredMetricHistory | null {
  return run ? { train: run.train, test: run.test, epochSeconds: run.epochSeconds } : null;
}

const finitePoint = (p: StoredMetricPoint) =>
  Number.isFinite(p.samplesSeen) && Number.isFinite(p.loss) && Number.isFinite(p.accuracy);

/**
 * A stored or live history as a model file carries it. A point that is not a finite number (a loss that blew up
 * just before the divergence guard stepped in) is left out, so the file stays readable.
 */
export function modelFileHistory(history: StoredMetricHistory | null): ModelHistory | null {
  if (!history) return null;
  return {
    train: history.train.filter(finitePoint),
    test: history.test.filter(finitePoint),
    epochSeconds: (history.epochSeconds ?? []).filter(Number.isFinite),
  };
}

function restoredRun(summary: SavedModelSummary, history: StoredMetricHistory | null): RunHistory | null {
  if (!summary.config || !history) return null;
  return {
    id: --restoredRunCounter,
    config: summary.config,
    train: history.train.map((p) => ({ samplesSeen: p.samplesSeen, loss: p.loss, accuracy: p.accuracy })),
    test: history.test.map((p) => ({ ...p, sampleCount: p.sampleCount ?? 0 })),
    epochSeconds: history.epochSeconds ?? [],
    end: summary.status === 'finished' ? 'finished' : 'stopped',
  };
}

/** Puts validated .dlm bytes into the worker's live slot, then shows that model (and its charts) as the open one. */
async function showInLiveSlot(
  bytes: Uint8Array,
  summary: SavedModelSummary | null,
  history: StoredMetricHistory | null,
  name: string,
): Promise<void> {
  await getTrainer().loadModel(transfer(bytes, [bytes.buffer]), 'live');
  useStore.setState((s) => {
    const previous = s.currentRun;
    const keepPrevious = previous && previous.train.length > 0 && previous.end !== 'running';
    const run = summary ? restoredRun(summary, history) : null;
    return {
      liveModelAvailable: true,
      modelSlot: 'live',
      openModelId: summary?.id ?? null,
      // Loading into the live slot ends any run in the worker: the session starts afresh from this model.
      trainingStatus: 'idle',
      trainingProgress: null,
      latestTestAccuracy: summary?.testAccuracy ?? null,
      latestTestSampleCount: summary?.testAccuracy == null ? 0 : 10_000,
      pastRuns: keepPrevious ? [previous, ...s.pastRuns] : s.pastRuns,
      currentRun: run,
      modelsNotice: `Opened “${name}”.`,
      modelFileError: null,
    };
  });
  refreshPrediction();
}

function trainingIsRunning(): boolean {
  const { trainingStatus, trainingBusy } = useStore.getState();
  if (trainingStatus === 'running' || trainingBusy) {
    useStore.setState({
      modelsNotice: 'Pause or stop training first: opening a model ends the current run.',
    });
    return true;
  }
  return false;
}

async function rememberOpen(repo: ModelRepository, id: string | null): Promise<void> {
  try {
    await repo.setLastOpenId(id);
  } catch (error) {
    reportStorageError(error, 'remember the open model');
  }
}

/** Start-up: lists saved models and reopens the last open one with its charts (unless a model is already live). */
export async function initModels(): Promise<void> {
  const repo = await modelRepository();
  if (!repo) return;
  await refreshModelList();
  let loaded: LoadedModel;
  try {
    const lastId = await repo.getLastOpenId();
    if (lastId === null || useStore.getState().liveModelAvailable) return;
    loaded = await repo.load(lastId);
  } catch (error) {
    if (error instanceof StorageError && error.kind === 'not-found') return rememberOpen(repo, null);
    return reportStorageError(error, 'reopen the last model');
  }
  if (useStore.getState().liveModelAvailable) return;
  try {
    await showInLiveSlot(loaded.bytes, loaded.summary, loaded.history, loaded.summary.name);
    const link = typeof location === 'undefined' ? null : configFromHash(location.hash);
    // A shared #/train?… link wins over the reopened model's settings.
    if (loaded.model.config && !link?.fromLink)
      useStore.getState().setTrainingConfig(loaded.model.config, null);
  } catch (error) {
    useStore.setState({ storageError: `The last open model could not be reopened: ${describe(error)}` });
  }
}

export async function openSavedModel(id: string): Promise<void> {
  if (trainingIsRunning()) return;
  const repo = await modelRepository();
  if (!repo) return;
  useStore.setState({ modelsBusy: true });
  try {
    const loaded = await repo.load(id);
    await showInLiveSlot(loaded.bytes, loaded.summary, loaded.history, loaded.summary.name);
    if (loaded.model.config) useStore.getState().setTrainingConfig(loaded.model.config, null);
    await rememberOpen(repo, id);
  } catch (error) {
    reportStorageError(error, 'open the model');
  } finally {
    useStore.setState({ modelsBusy: false });
  }
}

/**
 * Reads a .dlm or .npz the user picked or dropped. Everything is validated before the worker sees it, so a bad
 * file changes nothing but the message; a good one becomes the live model and is saved (when storage works).
 */
export async function importModelFromFile(file: Blob & { readonly name: string }): Promise<void> {
  if (trainingIsRunning()) return;
  useStore.setState({ modelsBusy: true, modelFileError: null, modelsNotice: null });
  try {
    // The file formats (and their zip library) download when a file is opened, not with the landing page.
    const { importModelFile, MAX_MODEL_FILE_BYTES } = await import('../io/model-import');
    if (file.size > MAX_MODEL_FILE_BYTES) {
      throw new ModelFormatError(
        `the file is ${file.size} bytes; model files larger than ${MAX_MODEL_FILE_BYTES} bytes (128 MB) are refused`,
      );
    }
    const model = importModelFile(new Uint8Array(await file.arrayBuffer()), file.name);
    // Encoded once: saved as it is, then handed to the worker.
    const bytes = serializeModel(model);
    const id = newModelId();
    const repo = await modelRepository();
    let summary: SavedModelSummary | null = null;
    if (repo) {
      try {
        summary = await repo.saveBytes(id, bytes, {
          name: model.name,
          status: 'imported',
          history: model.history ?? null,
        });
      } catch (error) {
        reportStorageError(error, `save “${model.name}”`);
      }
    }
    // The list first, so the open model is named the moment it shows.
    if (summary) await refreshModelList();
    // A .dlm that carries its training curves shows them, as a model saved here does.
    await showInLiveSlot(bytes, summary, model.history ?? null, model.name);
    useStore.setState({ modelsNotice: `Imported “${model.name}” (${modelShapeText(model.params)}).` });
    if (repo && summary) await rememberOpen(repo, id);
  } catch (error) {
    if (!(error instanceof ModelFormatError)) {
      useStore.setState({ modelFileError: `${file.name} could not be opened: ${describe(error)}` });
    } else {
      useStore.setState({ modelFileError: `${file.name} was not opened: ${error.message}` });
    }
  } finally {
    useStore.setState({ modelsBusy: false });
  }
}

export async function renameSavedModel(id: string, name: string): Promise<void> {
  const repo = await modelRepository();
  if (!repo) return;
  try {
    await repo.rename(id, name);
    await refreshModelList();
  } catch (error) {
    reportStorageError(error, 'rename the model');
  }
}

/** Deletes the saved copy; an open model stays usable in memory (and exportable) until something replaces it. */
export async function deleteSavedModel(id: string): Promise<void> {
  const repo = await modelRepository();
  if (!repo) return;
  try {
    await repo.delete(id);
    useStore.setState((s) => ({
      openModelId: s.openModelId === id ? null : s.openModelId,
      comparedModelIds: s.comparedModelIds.filter((other) => other !== id),
    }));
    await refreshModelList();
  } catch (error) {
    reportStorageError(error, 'delete the model');
  }
}

/** The model the page currently predicts with (live or default), as a file to download. */
export async function exportCurrentModel(format: ModelFileFormat): Promise<ExportedFile> {
  const { modelSlot, openModelId, savedModels, currentRun } = useStore.getState();
  // The live model's curves are the page's (the run that trained it, or the ones it was opened with).
  const history = modelSlot === 'live' && currentRun ? modelFileHistory(historyOfRun(currentRun)) : undefined;
  const model: ModelFile = deserializeModel(await getTrainer().getModel(modelSlot, history));
  const { exportModelFile } = await import('../io/model-export');
  const saved = savedModels.find((m) => m.id === openModelId);
  return exportModelFile(modelSlot === 'live' && saved ? { ...model, name: saved.name } : model, format);
}

export async function exportSavedModel(id: string, format: ModelFileFormat): Promise<ExportedFile | null> {
  const repo = await modelRepository();
  if (!repo) return null;
  try {
    const loaded = await repo.load(id);
    // Saved before files carried their history, the curves may live only beside the file: export them too.
    const history = loaded.model.history ?? modelFileHistory(loaded.history);
    const { exportModelFile } = await import('../io/model-export');
    return exportModelFile({ ...loaded.model, history }, format);
  } catch (error) {
    reportStorageError(error, 'export the model');
    return null;
  }
}

export async function loadSavedHistory(id: string): Promise<StoredMetricHistory | null> {
  const repo = await modelRepository();
  if (!repo) return null;
  try {
    return (await repo.load(id)).history;
  } catch (error) {
    reportStorageError(error, 'read the model’s charts');
    return null;
  }
}

/** Tests: forget the opened repository (each test opens its own database). */
export function resetModelsActions(): void {
  void repository?.then((repo) => repo?.close());
  repository = null;
  restoredRunCounter = 0;
}
