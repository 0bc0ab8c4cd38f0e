// @vitest-environment jsdom
// The whole Inspect place against a real session on the main thread, the shipped default model and real test
// digits: the matrix covers every digit, a cell's gallery holds exactly its digits, one opens in the inspector.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import type { Dataset } from '../../../src/nn/types';
import { datasetSlice } from '../../../src/worker/test-subset';
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

const COUNT = 1000;

beforeAll(() => {
  data.test = datasetSlice(loadMnistFromDisk('test'), 0, COUNT);
  data.train = datasetSlice(loadMnistFromDisk('train'), 0, 200);
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
  Element.prototype.scrollIntoView = () => undefined;
  const model = readFileSync('public/models/default.dlm');
  vi.stubGlobal('fetch', async () => new Response(new Uint8Array(model)));
});
afterEach(cleanup);

function cellCounts(): number[] {
  return Array.from(screen.getByTestId('confusion-matrix').querySelectorAll('[data-cell]'), (c) =>
    Number(c.textContent),
  );
}

describe('InspectPage', () => {
  it('analyses the default model, opens a cell and a digit, and explains it', async () => {
    render(<InspectPage />);
    await vi.waitFor(() => expect(screen.getByTestId('confusion-matrix')).toBeInTheDocument(), {
      timeout: 60_000,
    });
    const counts = cellCounts();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(COUNT);
    const labels = data.test!.labels;
    for (let t = 0; t < 10; t++) {
      const row = counts.slice(t * 10, t * 10 + 10).reduce((a, b) => a + b, 0);
      expect(row).toBe(labels.filter((l) => l === t).length);
    }
    // With no drawing, the first test digit is inspected; its three hidden layers are drawn.
    await vi.waitFor(() =>
      expect(screen.getByTestId('inspect-source')).toHaveTextContent(/^Test digit #0, labelled 7/),
    );
    expect(screen.getAllByRole('img', { name: /^Hidden layer \d: / })).toHaveLength(3);

    const mistakes = counts.map((n, i) => (i % 11 !== 0 && n > 0 ? i : -1)).filter((i) => i >= 0);
    expect(mistakes.length).toBeGreaterThan(0);
    const cell = mistakes[0];
    const [t, p] = [Math.floor(cell / 10), cell % 10];
    await userEvent.click(screen.getByRole('button', { name: new RegExp(`^true ${t}, answered ${p}:`) }));
    const gallery = await screen.findByTestId('digit-gallery');
    await vi.waitFor(() =>
      expect(within(gallery).getAllByTestId('gallery-digit')).toHaveLength(counts[cell]),
    );
    const first = within(gallery).getAllByTestId('gallery-digit')[0];
    const index = Number(first.getAttribute('aria-label')?.match(/Test digit (\d+)/)?.[1]);
    expect(labels[index]).toBe(t);
    await userEvent.click(first);
    await vi.waitFor(() =>
      expect(screen.getByTestId('inspect-source')).toHaveTextContent(
        new RegExp(`^Test digit #${index.toLocaleString('en')}, labelled ${t} · read as ${p}`),
      ),
    );
    // The live loss is for the digit's own label, so it is large for a mistake: −log p_true.
    const explanation = useStore.getState().inspected!.explanation;
    expect(explanation.trueLabel).toBe(t);
    expect(screen.getByTestId('live-loss')).toHaveTextContent(`= ${explanation.loss.toFixed(4)}`);
    expect(explanation.loss).toBeGreaterThan(-Math.log(0.5));
  });

  it('pages the dataset browser by label', async () => {
    await act(async () => {
      const { browseDataset } = await import('../../../src/state/inspect-actions');
      await browseDataset({ split: 'test', label: 3, page: 0 });
    });
    render(<InspectPage />);
    const browser = await screen.findByTestId('dataset-browser');
    const threes = data.test!.labels.filter((l) => l === 3).length;
    await vi.waitFor(() =>
      expect(browser).toHaveTextContent(`Page 1 of ${Math.ceil(threes / 40)} · ${threes} digits`),
    );
    const digits = within(browser).getAllByRole('button', { name: /^Test digit \d+, labelled 3\./ });
    expect(digits).toHaveLength(Math.min(40, threes));
  });
});
