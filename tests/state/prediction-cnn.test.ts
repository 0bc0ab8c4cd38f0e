// Draw's prediction with a CNN in the live slot: the page's action gets the layer-list network's answer for a digit.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { serializeModel } from '../../src/nn/model-file';
import { predictLayersOne } from '../../src/nn/predict-layers';
import { requestPrediction } from '../../src/state/prediction-actions';
import { useStore } from '../../src/state/store';
import { getTrainer } from '../../src/worker/client';

vi.mock('../../src/worker/client', async () =>
  (await import('../worker/main-thread-client')).mainThreadClient(),
);
vi.mock('../../src/state/app-update-actions', () => ({ startOfflineSupport: () => undefined }));

let digit: Float32Array;
beforeAll(() => {
  const test = loadMnistFromDisk('test');
  digit = Float32Array.from(test.images.subarray(0, 784), (v) => v / 255);
});

describe('prediction with a CNN', () => {
  it('shows the CNN’s probabilities for a drawn digit, as its own forward pass gives them', async () => {
    const params = createLayerNetwork(parseLayerList('conv 3@5x5, pool 2, dense 16'), 9);
    await getTrainer().loadModel(
      serializeModel({ name: 'cnn', createdAt: '', params, config: null, metrics: {} }),
      'live',
    );
    useStore.setState({ modelSlot: 'live', prediction: null, predictionError: null });
    requestPrediction(digit);
    await vi.waitFor(() => expect(useStore.getState().prediction).not.toBeNull());
    expect(useStore.getState().predictionError).toBeNull();
    expect(useStore.getState().prediction?.probabilities).toEqual(
      predictLayersOne(params, digit).probabilities,
    );
  });
});
