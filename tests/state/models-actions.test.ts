// Models actions over a real training session (main thread) and fake IndexedDB: import, reopen after reload,
// checkpoints of real runs, and failures that never touch the model in memory.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportModelFile } from '../../src/io/model-export';
import { deserializeModel, readModelHeader } from '../../src/nn/model-file';
import { createNetwork } from '../../src/nn/network';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import {
  checkpointsSettled,
  resetModelCheckpoints,
  startModelPersistence,
} from '../../src/state/model-checkpoints';
import {
  deleteSavedModel,
  exportCurrentModel,
  exportSavedModel,
  importModelFromFile,
  initModels,
  loadSavedHistory,
  modelRepository,
  openSavedModel,
  renameSavedModel,
  resetModelsActions,
} from '../../src/state/models-actions';
import { useStore } from '../../src/state/store';
import { setTrainOptions, startTraining } from '../../src/state/training-actions';
import { getTrainer, restartTrainer } from '../../src/worker/client';

vi.mock('../../src/worker/client', async () => {
  const { mainThreadClient } = await import('../worker/main-thread-client');
  const { loadMnistFromDisk } = await import('../../src/data/mnist-node');
  return mainThreadClient({ loadSplit: async (split) => loadMnistFromDisk(split) });
});

// The dataset loader asks the page for its base URL; the disk loader above ignores it.
vi.stubGlobal('self', { location: { href: 'http://localhost/' } });

const initialState = useStore.getState();
let databaseCount = 0;

const fileOf = (bytes: Uint8Array, name: string) =>
  Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name });
const npzOf = (seed: number, name = 'net') =>
  exportModelFile(
    { name, createdAt: '', params: createNetwork([784, 6, 10], seed), config: null, metrics: {} },
    'npz',
  );
const liveWeights = async () => deserializeModel(await getTrainer().getModel('live')).params.W[0];

async function reload(): Promise<void> {
  resetModelCheckpoints();
  const name = `models-actions-${databaseCount}`;
  resetModelsActions();
  useStore.setState(initialState, true);
  restartTrainer();
  await modelRepository(name);
}

beforeEach(async () => {
  databaseCount++;
  await reload();
});
afterEach(() => resetModelCheckpoints());

describe('models actions', () => {
  it('imports an .npz into the live slot, saves it and lists it; a corrupt file changes nothing but the message', async () => {
    const good = npzOf(1, 'numpy net');
    await importModelFromFile(fileOf(good.bytes, 'numpy-net.npz'));
    const state = useStore.getState();
    expect(state.modelFileError).toBeNull();
    expect(state.modelsNotice).toBe('Imported “numpy-net” (784-6-10).');
    expect(state.modelSlot).toBe('live');
    expect(state.savedModels).toHaveLength(1);
    expect(state.savedModels[0]).toMatchObject({
      name: 'numpy-net',
      status: 'imported',
      layerSizes: [784, 6, 10],
    });
    expect(state.openModelId).toBe(state.savedModels[0].id);
    const before = await liveWeights();
    expect(before).toEqual(createNetwork([784, 6, 10], 1).W[0]);

    const corrupt = good.bytes.slice(0, good.bytes.length - 30);
    await importModelFromFile(fileOf(corrupt, 'broken.npz'));
    expect(useStore.getState().modelFileError).toMatch(/^broken\.npz was not opened: /);
    const params = createNetwork([784, 6, 10], 2);
    params.b[1][4] = NaN;
    const nanFile = exportModelFile({ name: 'x', createdAt: '', params, config: null, metrics: {} }, 'npz');
    await importModelFromFile(fileOf(nanFile.bytes, 'nan.npz'));
    expect(useStore.getState().modelFileError).toBe(
      'nan.npz was not opened: b1[4, 0] is NaN; every weight must be a finite number',
    );
    expect(await liveWeights()).toEqual(before);
    expect(useStore.getState().savedModels).toHaveLength(1);
    expect(useStore.getState().openModelId).toBe(state.openModelId);
  });

  it('brings the last open model back after a reload, and opens, renames and deletes saved ones', async () => {
    await importModelFromFile(fileOf(npzOf(1).bytes, 'first.npz'));
    await importModelFromFile(fileOf(npzOf(2).bytes, 'second.npz'));
    const [second, first] = useStore.getState().savedModels;
    expect(second.name).toBe('second');
    await openSavedModel(first.id);
    expect(await liveWeights()).toEqual(createNetwork([784, 6, 10], 1).W[0]);

    await reload();
    expect(useStore.getState().liveModelAvailable).toBe(false);
    await initModels();
    expect(useStore.getState()).toMatchObject({
      openModelId: first.id,
      modelSlot: 'live',
      liveModelAvailable: true,
    });
    expect(await liveWeights()).toEqual(createNetwork([784, 6, 10], 1).W[0]);

    await renameSavedModel(first.id, 'Kept');
    expect(useStore.getState().savedModels.map((m) => m.name)).toContain('Kept');
    await deleteSavedModel(first.id);
    expect(useStore.getState().savedModels.map((m) => m.name)).toEqual(['second']);
    expect(useStore.getState().openModelId).toBeNull();
    // The deleted model is still the one in memory.
    expect(await liveWeights()).toEqual(createNetwork([784, 6, 10], 1).W[0]);
  });

  it('checkpoints a real run after each epoch and at its end, and a reload restores the model and its charts', async () => {
    startModelPersistence();
    setTrainOptions({ evaluateEverySteps: 0, progressIntervalMs: 0 });
    useStore.getState().setTrainingConfig({
      ...REFERENCE_CONFIG,
      hiddenSizes: [8],
      batchSize: 600,
      epochs: 2,
      learningRate: 0.1,
      optimizer: 'sgd',
    });
    await startTraining();
    await checkpointsSettled();
    const state = useStore.getState();
    expect(state.workerError).toBeNull();
    expect(state.trainingStatus).toBe('finished');
    expect(state.savedModels).toHaveLength(1);
    const saved = state.savedModels[0];
    expect(saved).toMatchObject({ status: 'finished', layerSizes: [784, 8, 10], epochs: 2 });
    expect(saved.config).toMatchObject({ hiddenSizes: [8], optimizer: 'sgd', batchSize: 600, epochs: 2 });
    expect(saved.testAccuracy).toBeGreaterThan(0.7);
    expect(saved.name).toMatch(/^784-8-10 sgd · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const trained = await liveWeights();
    const testCurve = state.currentRun?.test;
    expect(testCurve?.length).toBe(2);

    const epochSeconds = state.currentRun?.epochSeconds;
    expect(epochSeconds).toHaveLength(2);
    // The checkpoint's .dlm bytes carry the run's curves themselves, not only the store beside them.
    const repo = await modelRepository();
    const stored = await repo!.load(saved.id);
    expect(readModelHeader(stored.bytes).history).toEqual({
      train: state.currentRun?.train,
      test: testCurve,
      epochSeconds,
    });

    await reload();
    await initModels();
    const restored = useStore.getState();
    expect(restored.openModelId).toBe(saved.id);
    expect(restored.currentRun?.test).toEqual(testCurve);
    expect(restored.currentRun?.epochSeconds).toEqual(epochSeconds);
    expect(restored.currentRun?.end).toBe('finished');
    expect(restored.trainingConfig.hiddenSizes).toEqual([8]);
    expect(await liveWeights()).toEqual(trained);

    // Exported as .dlm and imported into another browser (a fresh database), the model keeps its charts.
    const exported = await exportCurrentModel('dlm');
    expect(deserializeModel(exported.bytes).history?.epochSeconds).toEqual(epochSeconds);
    const savedExport = await exportSavedModel(saved.id, 'dlm');
    expect(deserializeModel(savedExport!.bytes).history?.test).toEqual(testCurve);
    databaseCount++;
    await reload();
    await importModelFromFile(fileOf(exported.bytes, exported.fileName));
    const imported = useStore.getState();
    expect(imported.modelFileError).toBeNull();
    expect(imported.currentRun?.test).toEqual(testCurve);
    expect(imported.currentRun?.epochSeconds).toEqual(epochSeconds);
    expect(await loadSavedHistory(imported.openModelId!)).toMatchObject({ test: testCurve, epochSeconds });
    expect(await liveWeights()).toEqual(trained);
  });

  it('reports a full disk during a checkpoint and keeps the model in memory usable', async () => {
    startModelPersistence();
    setTrainOptions({ evaluateEverySteps: 0, progressIntervalMs: 0 });
    useStore.getState().setTrainingConfig({
      ...REFERENCE_CONFIG,
      hiddenSizes: [8],
      batchSize: 1000,
      epochs: 1,
      learningRate: 0.1,
      optimizer: 'sgd',
    });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await startTraining();
    await checkpointsSettled();
    put.mockRestore();
    const state = useStore.getState();
    expect(state.trainingStatus).toBe('finished');
    expect(state.storageError).toMatch(
      /^Could not save "784-8-10 sgd · [^"]+": this site's browser storage is full/,
    );
    expect(state.savedModels).toHaveLength(0);
    const evaluation = await getTrainer().evaluate('live', 'test', 500);
    expect(evaluation.accuracy).toBeGreaterThan(0.5);
  });
});
