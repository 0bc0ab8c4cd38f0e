// The training session with a layer list (conv, pool, dense): trained on one worker, predicted, evaluated and saved.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { parseLayerList } from '../../src/nn/layer-list';
import type { LayerNetworkParams } from '../../src/nn/layer-network';
import { deserializeModel } from '../../src/nn/model-file';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { createTrainerApi, type TrainerApi } from '../../src/worker/api';
import { datasetSlice } from '../../src/worker/test-subset';
import type { TrainingProgress } from '../../src/worker/training-progress';

let train: Dataset;
let test: Dataset;

beforeAll(() => {
  train = datasetSlice(loadMnistFromDisk('train'), 0, 1500);
  test = datasetSlice(loadMnistFromDisk('test'), 0, 300);
});

const LIST = 'conv 4@5x5, pool 2, dense 32';
const CNN: TrainingConfig = {
  ...REFERENCE_CONFIG,
  hiddenSizes: [],
  layers: LIST,
  optimizer: 'adam',
  learningRate: 0.003,
  batchSize: 32,
  epochs: 1,
};
const QUICK = {
  evaluateEverySteps: 10,
  evaluationSubsetSize: 100,
  progressIntervalMs: 0,
  pointsPerEpoch: 10,
};

async function readySession(): Promise<TrainerApi> {
  const api = createTrainerApi({
    loadSplit: async (split) => (split === 'train' ? train : test),
    parallel: { maxWorkers: 4, defaultWorkers: 2, singleWorkerReason: null },
  });
  await api.loadDataset('train', 'http://unused/');
  await api.loadDataset('test', 'http://unused/');
  api.configure(CNN);
  return api;
}

describe('training session with a CNN', () => {
  it('trains on one worker with curves and evaluations, predicts a digit and saves its layer list', async () => {
    const api = await readySession();
    const messages: TrainingProgress[] = [];
    const outcome = await api.train((p) => messages.push(p), QUICK);
    expect(outcome.reason).toBe('finished');
    expect(api.getEngine().workers).toBe(1);
    const all = [...messages, outcome.progress];
    expect(all.flatMap((m) => m.points).length).toBeGreaterThan(3);
    const whole = all.flatMap((m) => m.evaluations).filter((e) => e.sampleCount === test.count);
    expect(whole).toHaveLength(1);
    expect(whole[0].accuracy).toBeGreaterThan(0.6);
    expect(api.evaluate('live', 'test').accuracy).toBe(whole[0].accuracy);

    const input = Float32Array.from(test.images.subarray(0, 784), (v) => v / 255);
    const predicted = api.predict(input, 'live');
    expect(predicted.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(predicted.activations.map((a) => a.length)).toEqual([4 * 28 * 28, 4 * 14 * 14, 32]);

    const analysis = await api.analyseTestSet('live');
    expect(analysis.accuracy).toBe(whole[0].accuracy);
    expect(analysis.count).toBe(test.count);
    // Every conv and pool channel and dense unit has its count of test digits that make it fire.
    expect(analysis.fireCounts.map((c) => c.length)).toEqual([4, 4, 32]);
    for (const counts of analysis.fireCounts)
      for (const n of counts) expect(n).toBeLessThanOrEqual(test.count);
    expect(analysis.dead.map((d) => d.length)).toEqual([4, 4, 32]);
    expect(analysis.probabilities.length).toBe(test.count * 10);

    const saved = deserializeModel(api.getModel('live'));
    expect((saved.params as LayerNetworkParams).layers).toEqual(parseLayerList(LIST));
    expect(saved.config?.layers).toBe(LIST);
    expect(saved.metrics.testAccuracy).toBe(whole[0].accuracy);
  });

  it('reloads a saved CNN into the live slot, where the inspector explains a digit and reads its weights', async () => {
    const api = await readySession();
    await api.step();
    const bytes = api.getModel('live');
    const other = await readySession();
    const summary = await other.loadModel(bytes, 'live');
    expect(summary).toMatchObject({ layerSizes: [], architecture: LIST });
    expect(other.evaluate('live', 'test', 50).accuracy).toBe(api.evaluate('live', 'test', 50).accuracy);
    const input = Float32Array.from(test.images.subarray(0, 784), (v) => v / 255);
    const explanation = other.explain(input, 'live');
    expect(explanation.saliency).toHaveLength(784);
    expect(explanation.layerShapes.map((s) => `${s.kind} ${s.channels}x${s.height}x${s.width}`)).toEqual([
      'conv 4x28x28',
      'pool 4x14x14',
      'dense 32x1x1',
    ]);
    const weights = other.getWeights('live');
    expect(weights.layerSizes).toBeNull();
    expect(weights.layers.map((l) => `${l.kind} ${l.weightIndex} ${l.size}`)).toEqual([
      'conv 0 5',
      'pool -1 2',
      'dense 1 0',
      'dense 2 0',
    ]);
    expect(weights.W[0]).toHaveLength(4 * 25);
  });

  it('takes a CNN into the default slot too (a shipped CNN), and predicts, evaluates and exports it', async () => {
    const api = await readySession();
    await api.step();
    const bytes = api.getModel('live');
    const other = await readySession();
    const summary = await other.loadModel(bytes.slice(), 'default');
    expect(summary).toMatchObject({ layerSizes: [], architecture: LIST });
    expect(other.hasModel('default')).toBe(true);
    expect(other.hasModel('live')).toBe(false);
    expect(other.getArchitecture('default')).toEqual({ architecture: LIST, convolutional: true });
    const input = Float32Array.from(test.images.subarray(0, 784), (v) => v / 255);
    expect(Array.from(other.predict(input.slice(), 'default').probabilities)).toEqual(
      Array.from(api.predict(input.slice(), 'live').probabilities),
    );
    expect(other.evaluate('default', 'test', 50).accuracy).toBe(api.evaluate('live', 'test', 50).accuracy);
    expect((deserializeModel(other.getModel('default')).params as LayerNetworkParams).layers).toEqual(
      parseLayerList(LIST),
    );
    expect(other.explain(input.slice(), 'default').saliency).toHaveLength(784);
  });
});
