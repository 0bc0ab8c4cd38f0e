// @vitest-environment jsdom
// The training actions against a real session on the main thread, on real MNIST subsets: what the store shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { REFERENCE_CONFIG, type Dataset } from '../../src/nn/types';
import { datasetSlice } from '../../src/worker/test-subset';
import { forgetLoadedDatasets } from '../../src/state/dataset-actions';
import { useStore } from '../../src/state/store';
import {
  pauseTraining,
  resetTraining,
  resumeTraining,
  setTrainOptions,
  startTraining,
  stepTraining,
  stopTraining,
  restartWorker,
} from '../../src/state/training-actions';
import { clearPrediction, requestPrediction } from '../../src/state/prediction-actions';
import * as client from '../../src/worker/client';
import { TrainerError } from '../../src/worker/trainer-error';
import type { MainThreadClient } from '../worker/main-thread-client';

const { getTrainer, restartTrainer } = client;

const subsets = vi.hoisted(() => ({ train: null as Dataset | null, test: null as Dataset | null }));

vi.mock('../../src/worker/client', async () =>
  (await import('../worker/main-thread-client')).mainThreadClient({
    loadSplit: async (split) => {
      const data = subsets[split];
      if (!data) throw new Error('test data not prepared');
      return data;
    },
  }),
);

const SMALL = { ...REFERENCE_CONFIG, hiddenSizes: [64, 32], batchSize: 64, epochs: 1 };

function until(check: () => boolean): Promise<void> {
  return vi.waitFor(() => expect(check()).toBe(true), { timeout: 60_000, interval: 5 });
}

function digit(index: number): Float32Array {
  return Float32Array.from(subsets.test!.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
}

beforeEach(() => {
  subsets.train ??= datasetSlice(loadMnistFromDisk('train'), 0, 3000);
  subsets.test ??= datasetSlice(loadMnistFromDisk('test'), 0, 500);
  // Before the store reset: switching the slot back to 'default' would re-predict the last test's digit.
  clearPrediction();
  useStore.setState(useStore.getInitialState(), true);
  forgetLoadedDatasets();
  restartTrainer();
  setTrainOptions({
    evaluateEverySteps: 10,
    evaluationSubsetSize: 200,
    progressIntervalMs: 0,
    pointsPerEpoch: 20,
  });
  useStore.getState().setTrainingConfig(SMALL);
});

describe('training actions', () => {
  it('Start loads the data in the session, trains, fills the history and switches the pad to the live model', async () => {
    await startTraining();
    const s = useStore.getState();
    expect(s.datasets.train.status).toBe('ready');
    expect(s.trainingStatus).toBe('finished');
    expect(s.currentRun?.train.length).toBeGreaterThan(5);
    expect(s.currentRun?.test.at(-1)?.sampleCount).toBe(500);
    expect(s.latestTestAccuracy).toBeGreaterThan(0.75);
    expect(s.trainingNotice?.text).toMatch(/^Finished 1 epochs: test accuracy \d+\.\d%\.$/);
    expect(s.samplesPerSecond).toBeGreaterThan(0);
    expect(s.engine?.name).toBe('TypeScript');
    expect(s.liveModelAvailable).toBe(true);
    expect(s.modelSlot).toBe('live');
    expect(s.trainingProgress?.samplesSeen).toBe(3000);
  });

  it('Pause stops progress, Resume continues it, Stop ends the run; the next Start keeps it for comparison', async () => {
    useStore.getState().setTrainingConfig({ ...SMALL, epochs: 30 });
    const started = startTraining();
    await until(() => (useStore.getState().trainingProgress?.samplesSeen ?? 0) >= 640);
    await pauseTraining();
    await until(() => useStore.getState().trainingStatus === 'paused');
    const pausedAt = useStore.getState().trainingProgress!.samplesSeen;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(useStore.getState().trainingProgress!.samplesSeen).toBe(pausedAt);

    const resumed = resumeTraining();
    expect(useStore.getState().trainingStatus).toBe('running');
    await until(() => useStore.getState().trainingProgress!.samplesSeen >= pausedAt + 640);
    await stopTraining();
    await Promise.all([started, resumed]);
    expect(useStore.getState().trainingStatus).toBe('stopped');
    const firstRun = useStore.getState().currentRun!;
    expect(firstRun.end).toBe('stopped');

    useStore.getState().setTrainingConfig({ ...SMALL, optimizer: 'sgd' });
    const second = startTraining();
    await until(() => useStore.getState().currentRun?.id !== firstRun.id);
    expect(useStore.getState().pastRuns[0].id).toBe(firstRun.id);
    expect(useStore.getState().comparedRunIds).toContain(firstRun.id);
    await second;
  });

  it('a run whose training worker gives out ends as stopped with the reason, not stuck running', async () => {
    // As the worker's loop reports a helper that stopped answering mid-run: the call is refused.
    const trainer = getTrainer();
    const train = vi
      .spyOn(trainer, 'train')
      .mockRejectedValueOnce(
        new TrainerError('A training worker stopped answering (no reply in 20 s): start a new run.'),
      );
    await startTraining();
    expect(train).toHaveBeenCalledWith(expect.anything(), expect.anything(), SMALL);
    const s = useStore.getState();
    expect(s.trainingStatus).toBe('stopped');
    expect(s.currentRun?.end).toBe('stopped');
    expect(s.trainingBusy).toBe(false);
    expect(s.trainingNotice?.text).toMatch(/stopped answering/);
    // Nothing is left half-open: the next Start trains.
    train.mockRestore();
    await startTraining();
    expect(useStore.getState().trainingStatus).toBe('finished');
  });

  it('Step from idle starts a paused run; Reset brings the same first loss back', async () => {
    await stepTraining();
    const s = useStore.getState();
    expect(s.trainingStatus).toBe('paused');
    const firstLoss = s.currentRun!.train[0].loss;
    await stepTraining();
    expect(useStore.getState().currentRun!.train).toHaveLength(2);
    await resetTraining();
    expect(useStore.getState().trainingStatus).toBe('idle');
    expect(useStore.getState().currentRun).toBeNull();
    await stepTraining();
    expect(useStore.getState().currentRun!.train[0].loss).toBe(firstLoss);
  });

  it('a learning rate of 50 ends in the divergence notice and a usable live model', async () => {
    useStore.getState().setTrainingConfig({ ...SMALL, learningRate: 50, epochs: 5 });
    await startTraining();
    const s = useStore.getState();
    expect(s.trainingStatus).toBe('diverged');
    expect(s.trainingNotice?.kind).toBe('divergence');
    expect(s.trainingNotice?.text).toMatch(/learning rate 50 is too large: try a smaller one, such as 5\./);
    requestPrediction(digit(0));
    await until(() => useStore.getState().prediction !== null);
    const sum = useStore.getState().prediction!.probabilities.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 4);
  });

  it('coalesces predictions: the latest input wins, earlier waiting ones are dropped', async () => {
    await stepTraining();
    const predict = vi.spyOn(getTrainer(), 'predict');
    const third = digit(3);
    requestPrediction(digit(1));
    requestPrediction(digit(2));
    requestPrediction(third);
    await until(() => useStore.getState().prediction?.input === third);
    expect(predict).toHaveBeenCalledTimes(2);
    expect(predict.mock.calls[1][0]).toEqual(third);
    clearPrediction();
    expect(useStore.getState().prediction).toBeNull();
  });

  it('a refused command (bad config) leaves a message and the worker healthy', async () => {
    useStore.getState().setTrainingConfig({ ...SMALL, batchSize: 5000 });
    await startTraining();
    const s = useStore.getState();
    expect(s.trainingStatus).toBe('idle');
    expect(s.workerError).toBeNull();
    expect(s.trainingNotice?.text).toMatch(/batch/);
  });

  it('a worker crash shows the error; Restart worker brings a fresh session with the data and keeps the charts', async () => {
    await stepTraining();
    const chartsBefore = useStore.getState().currentRun;
    (client as unknown as MainThreadClient).crash('The training worker crashed: out of memory');
    let s = useStore.getState();
    expect(s.trainingStatus).toBe('failed');
    expect(s.workerError).toMatch(/out of memory/);
    const crashed = getTrainer();
    await restartWorker();
    s = useStore.getState();
    expect(getTrainer()).not.toBe(crashed);
    expect(s.workerError).toBeNull();
    expect(s.trainingStatus).toBe('idle');
    expect(s.datasets.train.status).toBe('ready');
    expect(getTrainer().hasDataset('train')).toBe(true);
    expect(s.pastRuns[0]?.id).toBe(chartsBefore?.id);
    await stepTraining();
    expect(useStore.getState().trainingStatus).toBe('paused');
  });
});
