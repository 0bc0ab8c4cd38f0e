// A model as the comparison shows it: what a file's header says (any layers), epoch sizes and mean epoch times.
import { describe, expect, it } from 'vitest';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { resolveLayers } from '../../src/nn/layer-shapes';
import { readModelHeader, serializeModel } from '../../src/nn/model-file';
import { createNetwork, parameterCount } from '../../src/nn/network';
import {
  comparedModelOfHeader,
  epochSamplesOf,
  meanEpochSeconds,
  MNIST_TRAIN_IMAGES,
} from '../../src/state/compared-model';

const file = (params: Parameters<typeof serializeModel>[0]['params'], metrics = {}) =>
  readModelHeader(
    serializeModel({ name: 'm', createdAt: '2026-12-01T00:00:00.000Z', params, config: null, metrics }),
  );

describe('comparedModelOfHeader', () => {
  it('counts a dense network’s weights and biases and names it by its sizes', () => {
    const model = comparedModelOfHeader(
      file(createNetwork([784, 20, 10], 1), { testAccuracy: 0.9, epochs: 3 }),
      'x',
      'saved',
    );
    expect(model.architecture).toBe('784-20-10');
    expect(model.parameterCount).toBe(parameterCount([784, 20, 10]));
    expect(model.parameterCount).toBe(784 * 20 + 20 + 20 * 10 + 10);
    expect([model.testAccuracy, model.epochs]).toEqual([0.9, 3]);
  });

  it('counts a convolutional network’s parameters as its layer plan does, and names it by its layer list', () => {
    const layers = parseLayerList('conv 4@3x3, pool 2, dense 16');
    const model = comparedModelOfHeader(file(createLayerNetwork(layers, 2)), 'shipped:x', 'shipped');
    expect(model.architecture).toBe('conv 4@3x3, pool 2, dense 16');
    expect(model.parameterCount).toBe(resolveLayers(layers).parameterCount);
    expect([model.testAccuracy, model.epochs, model.savedAt]).toEqual([null, null, null]);
  });
});

describe('epoch sizes and times', () => {
  it('takes the file’s count of training images, MNIST’s when it has none or a wrong one', () => {
    expect(epochSamplesOf({ trainImages: 50_000 })).toBe(50_000);
    expect(epochSamplesOf({})).toBe(MNIST_TRAIN_IMAGES);
    expect(epochSamplesOf({ trainImages: 'many' })).toBe(MNIST_TRAIN_IMAGES);
    expect(epochSamplesOf({ trainImages: 0 })).toBe(MNIST_TRAIN_IMAGES);
  });

  it('averages the epochs’ seconds, null without any', () => {
    expect(meanEpochSeconds({ train: [], test: [], epochSeconds: [10, 12, 14] })).toBe(12);
    expect(meanEpochSeconds({ train: [], test: [], epochSeconds: [] })).toBeNull();
    expect(meanEpochSeconds(null)).toBeNull();
  });
});
