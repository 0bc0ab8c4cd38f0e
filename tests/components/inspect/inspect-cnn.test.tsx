// @vitest-environment jsdom
// Inspect with a CNN in the live slot: its feature maps and filters, the convolution formulas, the analysis of its
// answers with every channel's firing count, and never an error.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import { parseLayerList } from '../../../src/nn/layer-list';
import { createLayerNetwork } from '../../../src/nn/layer-network';
import { serializeModel } from '../../../src/nn/model-file';
import type { Dataset } from '../../../src/nn/types';
import { datasetSlice } from '../../../src/worker/test-subset';
import { getTrainer } from '../../../src/worker/client';
import { InspectPage } from '../../../src/components/inspect/InspectPage';
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
const LIST = 'conv 2@3x3, pool 4';

beforeAll(() => {
  data.test = datasetSlice(loadMnistFromDisk('test'), 0, COUNT);
  data.train = datasetSlice(loadMnistFromDisk('train'), 0, 200);
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
  Element.prototype.scrollIntoView = () => undefined;
  const model = readFileSync('public/models/default.dlm');
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array(model)));
});
afterEach(cleanup);

describe('InspectPage with a CNN', () => {
  it('draws every map and filter of the CNN, its formulas, and analyses it on the test set, with no error', async () => {
    const params = createLayerNetwork(parseLayerList(LIST), 5);
    const bytes = serializeModel({ name: 'cnn', createdAt: '', params, config: null, metrics: {} });
    await getTrainer().loadModel(bytes, 'live');
    useStore.setState({ modelSlot: 'live' });
    render(<InspectPage />);
    await vi.waitFor(() => expect(screen.getByTestId('confusion-matrix')).toBeInTheDocument(), {
      timeout: 60_000,
    });
    const counts = Array.from(screen.getByTestId('confusion-matrix').querySelectorAll('[data-cell]'), (c) =>
      Number(c.textContent),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(COUNT);
    // conv 2@3x3 keeps 28×28 ('same' padding); pool 4 makes 7×7.
    await vi.waitFor(() => expect(screen.getByTestId('feature-maps-1')).toBeInTheDocument());
    expect(screen.getByTestId('feature-maps-0')).toHaveTextContent('2 maps of 28×28');
    expect(screen.getByTestId('feature-maps-1')).toHaveTextContent('2 maps of 7×7');
    expect(screen.getByRole('heading', { name: 'Feature maps and hidden layers' })).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByTestId('filters-0')).toHaveTextContent('2 filters of 3×3'));
    await vi.waitFor(() => expect(screen.getByTestId('conv-pixel')).toHaveTextContent(/a = ReLU\(z\) = /));
    expect(screen.getByTestId('pool-window')).toBeInTheDocument();
    expect(screen.queryByText(/This model is a convolutional network/)).toBeNull();
    // Every channel has its firing count over the analysed digits.
    const { analysis } = useStore.getState();
    expect(analysis?.fireCounts.map((c) => c.length)).toEqual([2, 2]);
    for (const c of analysis?.fireCounts ?? []) for (const n of c) expect(n).toBeLessThanOrEqual(COUNT);
    expect(useStore.getState().inspectError).toBeNull();
    expect(useStore.getState().analysisError).toBeNull();
  });
});
