// @vitest-environment jsdom
// Inspect after the Draw place chose the shipped CNN: the default slot holds it, its answers are analysed (and
// measured again after a switch back to the reference), and nothing shows an error.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import type { Dataset } from '../../../src/nn/types';
import { datasetSlice } from '../../../src/worker/test-subset';
import { InspectPage } from '../../../src/components/inspect/InspectPage';
import { chooseModel } from '../../../src/state/prediction-actions';
import { useStore } from '../../../src/state/store';

const data = vi.hoisted(() => ({ test: null as Dataset | null, train: null as Dataset | null }));

vi.mock('../../../src/worker/client', async () =>
  (await import('../../worker/main-thread-client')).mainThreadClient({
    loadSplit: async (split) => {
      const dataset = data[split];
      if (!dataset) throw new Error('test data not prepared');
      return dataset;
    },
  }),
);

const COUNT = 300;

beforeAll(() => {
  data.test = datasetSlice(loadMnistFromDisk('test'), 0, COUNT);
  data.train = datasetSlice(loadMnistFromDisk('train'), 0, 200);
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
  Element.prototype.scrollIntoView = () => undefined;
  vi.stubGlobal('fetch', async (url: URL) => {
    const file = url.pathname.endsWith('/cnn.dlm') ? 'public/models/cnn.dlm' : 'public/models/default.dlm';
    return new Response(new Uint8Array(readFileSync(file)));
  });
});
afterEach(cleanup);

const analysedCount = () =>
  Array.from(screen.getByTestId('confusion-matrix').querySelectorAll('[data-cell]'), (c) =>
    Number(c.textContent),
  ).reduce((a, b) => a + b, 0);

describe('InspectPage with the shipped CNN chosen', () => {
  it('analyses the CNN in the default slot, shows its feature maps, and follows a switch back', async () => {
    chooseModel('convolutional');
    render(<InspectPage />);
    await vi.waitFor(() => expect(useStore.getState().analysisStatus).toBe('ready'), { timeout: 60_000 });
    expect(analysedCount()).toBe(COUNT);
    expect(useStore.getState().analysisOf).toMatch(/^the shipped Convolutional network, measured at/);
    // Both networks may read all 300 digits right: their mean losses tell them apart.
    const cnnLoss = useStore.getState().analysis!.loss;
    // Its own views: a map per conv and pool layer (8, 8, 16 and 16 channels).
    await vi.waitFor(() => expect(screen.getByTestId('feature-maps-3')).toBeInTheDocument(), {
      timeout: 30_000,
    });
    expect(
      [0, 1, 2, 3].map((layer) => screen.getByTestId(`feature-maps-${layer}`).getAttribute('data-channels')),
    ).toEqual(['8', '8', '16', '16']);

    chooseModel('reference');
    await vi.waitFor(
      () =>
        expect(useStore.getState().analysisOf).toMatch(/^the shipped Reference 784-200-100-25-10 network/),
      { timeout: 60_000 },
    );
    expect(useStore.getState().analysis!.loss).not.toBe(cnnLoss);
    expect(useStore.getState().inspectError).toBeNull();
    expect(useStore.getState().analysisError).toBeNull();
    expect(useStore.getState().predictionError).toBeNull();
  });
});
