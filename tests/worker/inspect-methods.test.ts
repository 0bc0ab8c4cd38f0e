// The inspector's session calls on real test digits: activations equal a direct float64 forward pass, and the
// test-set analysis is consistent with itself and with the labels.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { serializeModel } from '../../src/nn/model-file';
import { createNetwork } from '../../src/nn/network';
import { evaluate } from '../../src/nn/evaluate';
import type { Dataset, NetworkParams } from '../../src/nn/types';
import { createTrainerApi, type TrainerApi } from '../../src/worker/api';
import { datasetSlice } from '../../src/worker/test-subset';
import { digitInput, referenceForward } from '../nn/saliency-reference';

let test: Dataset;
let api: TrainerApi;
let params: NetworkParams;

beforeAll(async () => {
  test = datasetSlice(loadMnistFromDisk('test'), 0, 800);
  api = createTrainerApi({ loadSplit: async () => test });
  await api.loadDataset('test', 'http://unused/');
  params = createNetwork([784, 48, 24, 10], 5);
  // One unit that no digit can switch on, so the analysis has a dead unit to find.
  params.b[1][7] = -1e4;
  const model = {
    name: 'inspect test',
    createdAt: new Date(0).toISOString(),
    params,
    config: null,
    metrics: {},
  };
  await api.loadModel(serializeModel(model), 'default');
});

describe('explain and predict', () => {
  it('return the activations, logits and probabilities of a direct forward pass', () => {
    for (const index of [0, 1, 2, 500]) {
      const input = digitInput(test.images, index);
      const reference = referenceForward(params, input);
      const explained = api.explain(input, 'default', { trueLabel: test.labels[index] });
      const predicted = api.predict(input, 'default');
      for (const result of [explained, predicted]) {
        expect(result.activations.map((a) => a.length)).toEqual([48, 24]);
        result.activations.forEach((layer, l) =>
          layer.forEach((v, j) => expect(v).toBeCloseTo(reference.activations[l][j], 4)),
        );
        result.logits.forEach((z, k) => expect(z).toBeCloseTo(reference.logits[k], 4));
        result.probabilities.forEach((p, k) => expect(p).toBeCloseTo(reference.probabilities[k], 5));
      }
      expect(explained.trueLabel).toBe(test.labels[index]);
      expect(explained.loss).toBeCloseTo(-Math.log(reference.probabilities[test.labels[index]]), 4);
    }
  });

  it('says what to do when the live model does not exist yet', () => {
    expect(() => api.explain(digitInput(test.images, 0), 'live')).toThrow(/no trained model yet/);
  });
});

describe('getWeights and getLabels', () => {
  it('hand out copies equal to the model', () => {
    const weights = api.getWeights('default');
    expect(weights.layerSizes).toEqual([784, 48, 24, 10]);
    weights.W.forEach((w, l) => expect(w).toEqual(params.W[l]));
    weights.W[0][0] += 1;
    expect(api.getWeights('default').W[0][0]).toBe(params.W[0][0]);
    expect(api.getLabels('test')).toEqual(test.labels);
  });
});

describe('analyseTestSet', () => {
  it('measured a slice at a time, agrees with one evaluation of the whole set', async () => {
    const a = await api.analyseTestSet('default');
    const whole = evaluate(params, test);
    expect([...a.confusion]).toEqual([...whole.confusion]);
    expect([...a.predictions]).toEqual([...whole.predictions]);
    expect(a.loss).toBeCloseTo(whole.loss, 6);
    expect(a.accuracy).toBe(whole.accuracy);
  });

  it('gives a confusion matrix whose rows are the class counts and whose diagonal is the number right', async () => {
    const a = await api.analyseTestSet('default');
    expect(a.count).toBe(test.count);
    const perClass = new Array(10).fill(0);
    for (const label of test.labels) perClass[label]++;
    for (let t = 0; t < 10; t++) {
      let row = 0;
      for (let p = 0; p < 10; p++) row += a.confusion[t * 10 + p];
      expect(row).toBe(perClass[t]);
      expect(a.support[t]).toBe(perClass[t]);
    }
    let right = 0;
    for (let i = 0; i < a.count; i++) if (a.predictions[i] === test.labels[i]) right++;
    let diagonal = 0;
    for (let c = 0; c < 10; c++) diagonal += a.confusion[c * 11];
    expect(diagonal).toBe(right);
    expect(a.accuracy).toBeCloseTo(right / a.count, 10);
    expect([...a.labels]).toEqual([...test.labels]);
  });

  it("keeps every digit's probabilities, matching the predictions and confidences", async () => {
    const a = await api.analyseTestSet('default', 300);
    expect(a.probabilities.length).toBe(300 * 10);
    for (let i = 0; i < 300; i++) {
      const row = a.probabilities.subarray(i * 10, i * 10 + 10);
      expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
      expect(row[a.predictions[i]]).toBeCloseTo(Math.max(...row), 6);
      expect(a.confidences[i]).toBeCloseTo(row[a.predictions[i]], 5);
    }
  });

  it('marks the silenced unit dead, and only units that never fire', async () => {
    const a = await api.analyseTestSet('default');
    expect(a.dead[1][7]).toBe(1);
    a.dead.forEach((flags, l) => flags.forEach((d, j) => expect(d === 1).toBe(a.fireCounts[l][j] === 0)));
  });
});
