// @vitest-environment jsdom
// Comparing models in the Models place: the shipped reference and CNN (downloaded when ticked, a failed download
// said and retried), saved runs with and without curves, epoch times, and the curves overlaid with their numbers.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelsPage } from '../../../src/components/models/ModelsPage';
import { createNetwork } from '../../../src/nn/network';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import { modelRepository, refreshModelList, resetModelsActions } from '../../../src/state/models-actions';
import { useStore } from '../../../src/state/store';
import { ModelRepository } from '../../../src/storage/model-repository';

vi.mock('../../../src/worker/client', async () => {
  const { mainThreadClient } = await import('../../worker/main-thread-client');
  return mainThreadClient();
});

const initialState = useStore.getState();
let databaseCount = 0;
const CHART_WIDTH = 480;

/** The shipped files as the server holds them, and their headers read with nothing but JSON.parse. */
const shippedBytes: Record<string, Uint8Array> = {
  'models/default.dlm': readFileSync(join(process.cwd(), 'public/models/default.dlm')),
  'models/cnn.dlm': readFileSync(join(process.cwd(), 'public/models/cnn.dlm')),
};
interface RawHeader {
  readonly history: { readonly epochSeconds: number[]; readonly test: unknown[] };
}
function rawHeader(path: string): RawHeader {
  const bytes = shippedBytes[path];
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as RawHeader;
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A fake server: paths it should fail answer 404, the rest with the shipped files. */
let failing = new Set<string>();
let requested: string[] = [];
function serveShippedModels(): void {
  vi.stubGlobal('fetch', async (input: URL | string) => {
    const path = new URL(String(input)).pathname.replace(/^\//, '');
    requested.push(path);
    const bytes = shippedBytes[path];
    if (!bytes || failing.has(path)) return new Response('not here', { status: 404 });
    return new Response(bytes.slice());
  });
}

beforeAll(() => {
  // recharts observes its container's size; jsdom has no layout, so the charts get a fixed width.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(async () => {
  resetModelsActions();
  useStore.setState(initialState, true);
  failing = new Set();
  requested = [];
  serveShippedModels();
  const dbName = `model-comparison-${++databaseCount}`;
  const seed = await ModelRepository.open(dbName);
  // An imported .npz: no training settings, no history.
  await seed.save(
    'npz',
    {
      name: 'From NumPy',
      createdAt: '2026-11-20T10:00:00.000Z',
      params: createNetwork([784, 6, 10], 1),
      config: null,
      metrics: { testAccuracy: 0.9 },
    },
    { status: 'imported' },
    new Date('2026-11-24T09:30:00Z'),
  );
  // A run trained here: two epochs of curves and epoch times, stored beside the file.
  await seed.save(
    'run',
    {
      name: 'Small run',
      createdAt: '2026-11-21T10:00:00.000Z',
      params: createNetwork([784, 12, 10], 2),
      config: { ...REFERENCE_CONFIG, hiddenSizes: [12], epochs: 2 },
      metrics: { testAccuracy: 0.93, epochs: 2 },
    },
    {
      status: 'finished',
      history: {
        train: [
          { samplesSeen: 30_000, loss: 0.9, accuracy: 0.7 },
          { samplesSeen: 60_000, loss: 0.5, accuracy: 0.85 },
          { samplesSeen: 120_000, loss: 0.3, accuracy: 0.91 },
        ],
        test: [
          { samplesSeen: 60_000, loss: 0.4, accuracy: 0.9, sampleCount: 10_000 },
          { samplesSeen: 120_000, loss: 0.25, accuracy: 0.93, sampleCount: 10_000 },
        ],
        epochSeconds: [3, 4],
      },
    },
    new Date('2026-11-25T09:30:00Z'),
  );
  seed.close();
  await modelRepository(dbName);
  await refreshModelList();
});

afterEach(() => {
  cleanup();
  resetModelsActions();
  vi.unstubAllGlobals();
});

function renderPage() {
  return render(<ModelsPage comparisonChartWidth={CHART_WIDTH} />);
}

const compareBox = (name: RegExp) =>
  within(screen.getByRole('listitem', { name })).getByRole('checkbox', { name: 'Compare' });

function tableColumn(label: string): string[] {
  const table = screen.getByTestId('compare-table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent ?? '');
  const index = headers.indexOf(label);
  if (index < 0) throw new Error(`no column ${label} in ${headers.join(', ')}`);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => `${row.children[0].textContent}: ${row.children[index].textContent}`);
}

/** The comparison table's column headers: a blank one over the property names, then one per model. */
const columnHeaders = () => within(screen.getByTestId('compare-table')).queryAllByRole('columnheader');

const chartLines = (testId: string) =>
  Array.from(screen.getByTestId(testId).querySelectorAll('.compare-chart__line path.recharts-line-curve'));
const legendNames = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('Comparing models', () => {
  it('downloads nothing until a shipped model is ticked', () => {
    renderPage();
    expect(within(screen.getByTestId('shipped-models')).getAllByRole('listitem')).toHaveLength(2);
    expect(requested).toEqual([]);
    expect(screen.queryByTestId('compare-table')).toBeNull();
  });

  it('compares the shipped reference network with the shipped CNN: facts, epoch time and overlaid curves', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(compareBox(/Reference/));
    await user.click(compareBox(/Convolutional/));
    await waitFor(() => expect(columnHeaders()).toHaveLength(3));
    expect(requested.sort()).toEqual(['models/cnn.dlm', 'models/default.dlm']);

    const reference = rawHeader('models/default.dlm');
    const cnn = rawHeader('models/cnn.dlm');
    expect(tableColumn('Reference 784-200-100-25-10')).toEqual([
      'Architecture: 784-200-100-25-10',
      // 784·200+200 + 200·100+100 + 100·25+25 + 25·10+10
      'Parameters: 179,885',
      'Test accuracy: 99.04%',
      'Epochs: 30',
      `Epoch time: ${mean(reference.history.epochSeconds).toFixed(1)} s`,
      'Optimizer: reference momentum',
      'Learning rate: 0.5, × 0.92 each epoch',
      'Batch size: 128',
      'Seed: 2',
      'Distorted digits: the defaults',
      'Saved: ships with the app',
    ]);
    expect(tableColumn('Convolutional 8@5x5-16@5x5-100')).toEqual([
      'Architecture: conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100',
      // 'same' convolutions, 2x2 pools: conv 8·(25+1), conv 16·(8·25+1), dense 100·(7·7·16+1), output 10·(100+1)
      'Parameters: 82,934',
      'Test accuracy: 99.38%',
      'Epochs: 15',
      `Epoch time: ${mean(cnn.history.epochSeconds).toFixed(1)} s`,
      'Optimizer: Adam',
      'Learning rate: 0.003, × 0.8 each epoch',
      'Batch size: 64',
      'Seed: 1',
      'Distorted digits: the defaults',
      'Saved: ships with the app',
    ]);
    expect(within(screen.getByTestId('compare-table')).getByText('99.38%')).toHaveClass(
      'models-compare__best',
    );

    // One test-accuracy line per model; a training and a test loss line per model, in the model's colour.
    const accuracyLines = chartLines('compare-chart-test-accuracy');
    expect(accuracyLines).toHaveLength(2);
    const lossLines = chartLines('compare-chart-loss');
    expect(lossLines).toHaveLength(4);
    const colours = accuracyLines.map((path) => path.getAttribute('stroke'));
    expect(new Set(colours).size).toBe(2);
    expect(lossLines.map((path) => path.getAttribute('stroke'))).toEqual([
      colours[0],
      colours[0],
      colours[1],
      colours[1],
    ]);
    // Every epoch of each model is a vertex of its line: 30 for the reference, 15 for the CNN.
    expect(accuracyLines.map((path) => (path.getAttribute('d') ?? '').split(/[ML]/).length - 1)).toEqual([
      30, 15,
    ]);
    expect(legendNames('compare-chart-test-accuracy')).toEqual([
      'Reference 784-200-100-25-10',
      'Convolutional 8@5x5-16@5x5-100',
    ]);
    expect(legendNames('compare-chart-loss')).toEqual([
      'Reference 784-200-100-25-10 train',
      'Reference 784-200-100-25-10 test',
      'Convolutional 8@5x5-16@5x5-100 train',
      'Convolutional 8@5x5-16@5x5-100 test',
    ]);
    // Axes named, and the drawing described in words.
    expect(screen.getByTestId('compare-chart-test-accuracy')).toHaveTextContent('Epoch');
    expect(screen.getByTestId('compare-chart-test-accuracy')).toHaveTextContent('Test accuracy (%)');
    expect(screen.getByTestId('compare-chart-loss')).toHaveTextContent('Cross-entropy loss');
    expect(screen.getByRole('figure', { name: 'Test accuracy' })).toHaveAccessibleDescription(
      'Reference 784-200-100-25-10: test accuracy from 95.54% after epoch 1 to 99.04% after epoch 30. ' +
        'Convolutional 8@5x5-16@5x5-100: test accuracy from 98.61% after epoch 1 to 99.38% after epoch 15.',
    );

    // The numbers behind the curves: one row per epoch's evaluation.
    const cnnTable = screen.getByRole('table', { name: 'Convolutional 8@5x5-16@5x5-100', hidden: true });
    expect(within(cnnTable).getAllByRole('row', { hidden: true })).toHaveLength(1 + cnn.history.test.length);
    expect(within(cnnTable).getAllByRole('row', { hidden: true }).at(-1)).toHaveTextContent(/^1599\.38%/);
  });

  it('says when a shipped model cannot be downloaded, keeps the rest, and tries again', async () => {
    const user = userEvent.setup();
    failing.add('models/cnn.dlm');
    renderPage();
    await user.click(compareBox(/Reference/));
    await user.click(compareBox(/Convolutional/));
    const error = await screen.findByTestId('shipped-model-error');
    expect(error).toHaveTextContent(
      'Convolutional could not be loaded: the server answered HTTP 404; try again later. Nothing else changed.',
    );
    await waitFor(() => expect(columnHeaders()).toHaveLength(2));
    expect(screen.getByTestId('compare-table')).toHaveTextContent('Reference 784-200-100-25-10');
    expect(compareBox(/Convolutional/)).toBeChecked();

    failing.clear();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(columnHeaders()).toHaveLength(3));
    expect(screen.queryByTestId('shipped-model-error')).toBeNull();
    expect(chartLines('compare-chart-test-accuracy')).toHaveLength(2);
  });

  it('refuses a shipped file that is not a model with the reason', async () => {
    const user = userEvent.setup();
    shippedBytes['models/cnn.dlm'] = new TextEncoder().encode('<html>offline</html>');
    try {
      renderPage();
      await user.click(compareBox(/Convolutional/));
      expect(await screen.findByTestId('shipped-model-error')).toHaveTextContent(
        /^Convolutional could not be loaded: not a Digit Lab model: expected the magic bytes 44 4c 4d 00/,
      );
      expect(screen.queryByTestId('compare-table')).toBeNull();
    } finally {
      shippedBytes['models/cnn.dlm'] = readFileSync(join(process.cwd(), 'public/models/cnn.dlm'));
    }
  });

  it('compares saved runs with and without curves: epoch time and lines from the stored history, a note for the other', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(compareBox(/Small run/));
    await user.click(compareBox(/From NumPy/));
    await user.click(compareBox(/Convolutional/));
    await waitFor(() => expect(columnHeaders()).toHaveLength(4));
    await waitFor(() => expect(tableColumn('Small run')).toContain('Epoch time: 3.5 s'));
    expect(tableColumn('From NumPy')).toEqual([
      'Architecture: 784-6-10',
      'Parameters: 4,780',
      'Test accuracy: 90.00%',
      'Epochs: —',
      'Epoch time: —',
      'Optimizer: —',
      'Learning rate: —',
      'Batch size: —',
      'Seed: —',
      'Distorted digits: —',
      'Saved: 24 Nov 2026, 09:30',
    ]);
    expect(tableColumn('Small run')).toContain('Distorted digits: none');
    expect(screen.getByTestId('no-curves-note')).toHaveTextContent(
      'No curves for From NumPy: the file keeps no training history',
    );
    // The run and the CNN are drawn; the .npz is not.
    expect(legendNames('compare-chart-test-accuracy')).toEqual([
      'Small run',
      'Convolutional 8@5x5-16@5x5-100',
    ]);
    expect(chartLines('compare-chart-loss')).toHaveLength(4);
    const runTable = screen.getByRole('table', { name: 'Small run', hidden: true });
    expect(
      within(runTable)
        .getAllByRole('row', { hidden: true })
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['190.00%0.40.5', '293.00%0.250.3']);

    // Unticking removes a model's column and its lines.
    await user.click(compareBox(/Small run/));
    expect(legendNames('compare-chart-test-accuracy')).toEqual(['Convolutional 8@5x5-16@5x5-100']);
    expect(columnHeaders()).toHaveLength(3);
  });
});
