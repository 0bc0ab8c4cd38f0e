// @vitest-environment jsdom
// The dataset status as a visitor sees it, in the header and on Train: progress, counts, samples, errors and Retry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dataset } from '../../../src/nn/types';
import type { LoadMnistOptions } from '../../../src/data/load-mnist';
import { IdxFormatError } from '../../../src/data/idx-format-error';
import { useStore } from '../../../src/state/store';
import { forgetLoadedDatasets } from '../../../src/state/dataset-actions';
import { restartTrainer } from '../../../src/worker/client';
import { App } from '../../../src/components/App';

interface PendingLoad {
  split: 'train' | 'test';
  options: LoadMnistOptions;
  resolve: (d: Dataset) => void;
  reject: (e: unknown) => void;
}
const pending: PendingLoad[] = [];

// The worker's session runs on the main thread here (jsdom has no Worker) and loads through the mock below.
vi.mock('../../../src/worker/client', async () =>
  (await import('../../worker/main-thread-client')).mainThreadClient(),
);
vi.mock('../../../src/data/load-mnist', () => ({
  loadMnistSplit: (split: 'train' | 'test', options: LoadMnistOptions) =>
    new Promise<Dataset>((resolve, reject) => pending.push({ split, options, resolve, reject })),
}));

function fakeDataset(count: number, firstLabel: number): Dataset {
  const images = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++) images[i * 784 + 400] = 255;
  const labels = new Uint8Array(count).map((_, i) => (firstLabel + i) % 10);
  return { images, labels, count, rows: 28, cols: 28 };
}

function loadFor(split: 'train' | 'test'): PendingLoad {
  const load = pending.filter((p) => p.split === split).at(-1);
  if (!load) throw new Error(`no load started for ${split}`);
  return load;
}

const header = () => screen.getByTestId('dataset-header-status');

/** A place other than Draw downloads its code on first visit: its page is there once its heading is. */
const placeShown = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 30_000 });

async function renderTrain(): Promise<void> {
  window.location.hash = '#/train';
  render(<App />);
  await placeShown('Train');
}

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  forgetLoadedDatasets();
  restartTrainer();
  pending.length = 0;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('dataset status', () => {
  it('downloads nothing on Draw and says when MNIST will load', () => {
    window.location.hash = '#/draw';
    render(<App />);
    expect(header()).toHaveTextContent('MNIST loads when you open Train');
    expect(pending).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Draw' })).toHaveAttribute('aria-current', 'page');
  });

  it('starts loading when Train opens, shows bytes and percent, then counts and labelled samples', async () => {
    await renderTrain();
    expect(pending.map((p) => p.split).sort()).toEqual(['test', 'train']);
    expect(loadFor('train').options.baseUrl).toBe(document.baseURI);

    act(() => loadFor('train').options.onProgress?.({ bytesLoaded: 4_200_000, bytesTotal: 9_640_886 }));
    const trainRow = screen.getByTestId('dataset-split-train');
    expect(trainRow).toHaveTextContent('4.2 MB of 9.6 MB · 43%');
    expect(within(trainRow).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '43');
    expect(header()).toHaveTextContent('Loading MNIST… 43%');

    await act(async () => {
      loadFor('train').options.onProgress?.({ bytesLoaded: 9_640_886, bytesTotal: 9_640_886 });
      loadFor('train').resolve(fakeDataset(60_000, 5));
      loadFor('test').options.onProgress?.({ bytesLoaded: 1_602_446, bytesTotal: 1_602_446 });
      loadFor('test').resolve(fakeDataset(10_000, 7));
    });
    expect(screen.getByTestId('dataset-counts')).toHaveTextContent('60,000 training / 10,000 test digits');
    expect(header()).toHaveTextContent('MNIST ready · 60,000 train / 10,000 test');
    const samples = screen.getAllByRole('img', { name: /training digit/ });
    expect(samples).toHaveLength(32);
    expect(samples[0]).toHaveAccessibleName('training digit 1, labelled 5');
  });

  it('shows a load error with Retry in the panel and the header, and Retry starts a new load', async () => {
    await renderTrain();
    await act(async () => {
      loadFor('train').reject(
        new IdxFormatError('The training labels file does not start with the IDX label magic number 2049.'),
      );
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'The training labels file does not start with the IDX label magic number 2049.',
    );
    expect(header()).toHaveTextContent('MNIST failed to load');
    expect(within(header()).getByRole('button', { name: 'Retry' })).toBeVisible();

    const before = pending.length;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(pending.length).toBe(before + 1);
    expect(pending.at(-1)?.split).toBe('train');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('dataset-split-train')).toHaveTextContent('Training set');
  });

  it('loads each split once however often Train is opened', async () => {
    await renderTrain();
    act(() => {
      window.location.hash = '#/draw';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    act(() => {
      window.location.hash = '#/train';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await placeShown('Train');
    expect(pending).toHaveLength(2);
  });

  it('gives every place a heading and a one-line explanation reachable from the nav', async () => {
    render(<App />);
    for (const name of ['Draw', 'Train', 'Inspect', 'Models']) {
      await userEvent.click(screen.getByRole('link', { name }));
      expect(await placeShown(name)).toBeInTheDocument();
      expect(screen.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      expect(document.title).toBe(`${name} · Digit Lab`);
    }
  });
});
