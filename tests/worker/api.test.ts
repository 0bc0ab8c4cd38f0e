// The training session's API called directly in Node on real MNIST subsets: the worker runs this same code.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { createTrainerApi, type TrainerApi } from '../../src/worker/api';
import { datasetSlice } from '../../src/worker/test-subset';
import type { TrainingProgress } from '../../src/worker/training-progress';

let train: Dataset;
let test: Dataset;

beforeAll(() => {
  train = datasetSlice(loadMnistFromDisk('train'), 0, 3000);
  test = datasetSlice(loadMnistFromDisk('test'), 0, 600);
});

const SMALL: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [64, 32], batchSize: 64, epochs: 2 };
const QUICK = {
  evaluateEverySteps: 10,
  evaluationSubsetSize: 200,
  progressIntervalMs: 0,
  pointsPerEpoch: 20,
};

async function readySession(config: TrainingConfig = SMALL): Promise<TrainerApi> {
  const api = createTrainerApi({ loadSplit: async (split) => (split === 'train' ? train : test) });
  await api.loadDataset('train', 'http://unused/');
  await api.loadDataset('test', 'http://unused/');
  api.configure(config);
  return api;
}

function digit(index: number): Float32Array {
  return Float32Array.from(test.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
}

describe('training session', () => {
  it('trains a whole run, reporting curve points and evaluations, and learns', async () => {
    const api = await readySession();
    const messages: TrainingProgress[] = [];
    const outcome = await api.train((p) => messages.push(p), QUICK);
    expect(outcome.reason).toBe('finished');
    const all = [...messages, outcome.progress];
    const points = all.flatMap((m) => m.points);
    const evaluations = all.flatMap((m) => m.evaluations);
    expect(outcome.progress.samplesSeen).toBe(2 * train.count);
    expect(points.length).toBeGreaterThan(10);
    // Samples seen only grow, so the charts' x axis is ordered.
    for (let i = 1; i < points.length; i++)
      expect(points[i].samplesSeen).toBeGreaterThan(points[i - 1].samplesSeen);
    // Two whole-test-set evaluations (one per epoch) plus the subset ones.
    expect(evaluations.filter((e) => e.sampleCount === test.count)).toHaveLength(2);
    expect(evaluations.some((e) => e.sampleCount === 200)).toBe(true);
    expect(evaluations.at(-1)!.accuracy).toBeGreaterThan(0.8);
    expect(points.at(-1)!.loss).toBeLessThan(points[0].loss);
    // One training time per epoch, each a positive number of seconds.
    const epochSeconds = all.flatMap((m) => m.epochSeconds);
    expect(epochSeconds).toHaveLength(2);
    for (const seconds of epochSeconds) expect(seconds).toBeGreaterThan(0);
    const predicted = api.predict(digit(0), 'live');
    expect(predicted.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(predicted.activations.map((a) => a.length)).toEqual([64, 32]);
  });

  it('pauses, answers predictions while paused, resumes where it stopped, and a stopped run cannot resume', async () => {
    const api = await readySession({ ...SMALL, epochs: 3 });
    let pauseAt = -1;
    const paused = await api.train((p) => {
      if (pauseAt < 0 && p.samplesSeen >= 640) {
        pauseAt = p.samplesSeen;
        void api.pause();
      }
    }, QUICK);
    expect(paused.reason).toBe('paused');
    const pausedAt = paused.progress.samplesSeen;
    expect(pausedAt).toBeGreaterThanOrEqual(640);
    expect(pausedAt).toBeLessThan(3 * train.count);
    // Nothing moves while paused.
    const before = api.predict(digit(1), 'live').probabilities;
    const after = api.predict(digit(1), 'live').probabilities;
    expect(Array.from(after)).toEqual(Array.from(before));

    const resumedMessages: TrainingProgress[] = [];
    let stopAt = -1;
    const stopped = await api.resume((p) => {
      resumedMessages.push(p);
      if (stopAt < 0 && p.samplesSeen >= pausedAt + 640) {
        stopAt = p.samplesSeen;
        void api.stop();
      }
    });
    expect(stopped.reason).toBe('stopped');
    const firstResumedPoint = [...resumedMessages, stopped.progress].flatMap((m) => m.points)[0];
    expect(firstResumedPoint.samplesSeen).toBeGreaterThan(pausedAt);
    expect(stopped.progress.samplesSeen).toBeGreaterThan(pausedAt);
    expect(() => api.resume(() => undefined)).toThrow(/no paused run/);
  });

  it('reset gives the same initial weights: the same first loss by step and by train', async () => {
    const api = await readySession();
    const first = await api.step();
    const firstLoss = first.progress.points[0].loss;
    await api.step();
    await api.reset();
    const again = await api.step();
    expect(again.progress.points[0].loss).toBe(firstLoss);
    expect(again.progress.samplesSeen).toBe(SMALL.batchSize);

    await api.reset();
    let trainFirst: number | null = null;
    const outcome = await api.train((p) => {
      if (trainFirst === null && p.points.length > 0) trainFirst = p.points[0].loss;
      void api.pause();
    }, QUICK);
    trainFirst ??= outcome.progress.points[0].loss;
    expect(trainFirst).toBe(firstLoss);
  });

  it('stops by itself when the loss blows up (learning rate 50) and restores finite, usable weights', async () => {
    const api = await readySession({ ...SMALL, learningRate: 50, epochs: 5 });
    const outcome = await api.train(() => undefined, QUICK);
    expect(outcome.reason).toBe('diverged');
    expect(outcome.divergence).not.toBeNull();
    expect(outcome.divergence!.suggestedLearningRate).toBe(5);
    expect(outcome.divergence!.restoredToSample).toBeLessThan(outcome.divergence!.atSample);
    expect(outcome.progress.samplesSeen).toBeLessThan(5 * train.count);
    const p = api.predict(digit(2), 'live');
    for (const v of p.probabilities) expect(Number.isFinite(v)).toBe(true);
    const evaluation = api.evaluate('live', 'test');
    expect(Number.isFinite(evaluation.loss)).toBe(true);
    // The restored weights give sane (near-uniform at worst) answers rather than the blown-up ones.
    expect(evaluation.loss).toBeLessThan(4 * Math.log(10));
    expect(() => api.resume(() => undefined)).toThrow(/no paused run/);
  });

  it('answers calls during training, between chunks', async () => {
    const api = await readySession({ ...SMALL, epochs: 20 });
    const running = api.train(() => undefined, { ...QUICK, progressIntervalMs: 1e9 });
    // A timer task can only run here because the loop yields to the event loop between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.predict(digit(3), 'live').probabilities).toHaveLength(10);
    await expect(api.step()).rejects.toThrow(/while training runs/);
    await api.stop();
    const outcome = await running;
    expect(outcome.reason).toBe('stopped');
    expect(outcome.progress.samplesSeen).toBeLessThan(20 * train.count);
  });

  it('round-trips a model through getModel/loadModel, and keeps the slots apart', async () => {
    const api = await readySession();
    expect(api.hasModel('live')).toBe(false);
    expect(() => api.predict(digit(0), 'live')).toThrow(/no trained model/);
    await api.train(() => undefined, { ...QUICK, evaluateEverySteps: 0 });
    const bytes = api.getModel('live');
    const other = await readySession();
    const summary = await other.loadModel(bytes, 'default');
    expect(summary.layerSizes).toEqual([784, 64, 32, 10]);
    expect(summary.metrics.testAccuracy).toBeGreaterThan(0.8);
    expect(other.hasModel('default')).toBe(true);
    expect(other.hasModel('live')).toBe(false);
    expect(Array.from(other.predict(digit(4), 'default').logits)).toEqual(
      Array.from(api.predict(digit(4), 'live').logits),
    );
    await expect(other.loadModel(new Uint8Array([1, 2, 3]), 'default')).rejects.toThrow();
    expect(other.hasModel('default')).toBe(true);
  });

  it('refuses bad configs and bad sample indices with messages', async () => {
    const api = await readySession();
    expect(() => api.configure({ ...SMALL, hiddenSizes: [0] })).toThrow(/hiddenSizes/);
    expect(() => api.configure({ ...SMALL, learningRate: -1 })).toThrow(/learning rate/);
    expect(() => api.configure({ ...SMALL, batchSize: train.count + 1 })).toThrow(/batch/);
    const samples = api.getSamples('test', Int32Array.from([0, 5]));
    expect(Array.from(samples.labels)).toEqual([test.labels[0], test.labels[5]]);
    expect(samples.images).toHaveLength(2 * 784);
    expect(() => api.getTestImages(Int32Array.from([test.count]))).toThrow(/does not exist/);
  });
});
