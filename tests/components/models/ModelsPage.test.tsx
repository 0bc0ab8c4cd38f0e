// @vitest-environment jsdom
// The Models place over fake IndexedDB and a main-thread training session: list, open, rename, delete, compare,
// export, and importing by picker and drop with precise messages.
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelsPage } from '../../../src/components/models/ModelsPage';
import { exportModelFile } from '../../../src/io/model-export';
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

const modelFile = (name: string, seed: number, testAccuracy: number, hidden = [6]) => ({
  name,
  createdAt: '2026-11-20T10:00:00.000Z',
  params: createNetwork([784, ...hidden, 10], seed),
  config: { ...REFERENCE_CONFIG, hiddenSizes: hidden, seed },
  metrics: { testAccuracy, epochs: 3 },
});

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

beforeEach(async () => {
  resetModelsActions();
  useStore.setState(initialState, true);
  const dbName = `models-page-${++databaseCount}`;
  const seed = await ModelRepository.open(dbName);
  await seed.save(
    'a',
    modelFile('Small net', 1, 0.9123),
    { status: 'finished' },
    new Date('2026-11-24T09:30:00Z'),
  );
  await seed.save(
    'b',
    modelFile('Wider net', 2, 0.9555, [12]),
    { status: 'stopped' },
    new Date('2026-11-25T09:30:00Z'),
  );
  seed.close();
  await modelRepository(dbName);
  await refreshModelList();
});
afterEach(() => {
  cleanup();
  resetModelsActions();
});

describe('ModelsPage', () => {
  it('lists saved models newest first with name, architecture, accuracy and date', () => {
    render(<ModelsPage />);
    const items = within(screen.getByTestId('saved-models')).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading').textContent)).toEqual([
      'Wider net',
      'Small net',
    ]);
    expect(within(items[0]).getByText('784-12-10')).toBeInTheDocument();
    expect(within(items[0]).getByText('95.55%')).toBeInTheDocument();
    expect(within(items[0]).getByText('25 Nov 2026, 09:30')).toBeInTheDocument();
    expect(within(items[1]).getByText('finished run, 3 epochs')).toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'Train again with these settings' })).toHaveAttribute(
      'href',
      '#/train?hidden=12&opt=reference-momentum&lr=0.5&beta1=0.9&beta2=0.999&eps=1e-8&batch=128&epochs=20&l2=0&seed=2',
    );
  });

  it('names the shipped network in use as the current model', () => {
    useStore.setState({ modelSlot: 'default', shippedModelId: 'convolutional' });
    render(<ModelsPage />);
    expect(screen.getByTestId('current-model-name')).toHaveTextContent('Convolutional, shipped with the app');
    act(() => useStore.setState({ shippedModelId: 'reference' }));
    expect(screen.getByTestId('current-model-name')).toHaveTextContent(
      'Reference 784-200-100-25-10, shipped with the app',
    );
  });

  it('opens, renames and deletes (after confirming) a saved model', async () => {
    const user = userEvent.setup();
    render(<ModelsPage />);
    const small = () => screen.getByRole('listitem', { name: /Small net|Tiny/ });
    await user.click(within(small()).getByRole('button', { name: 'Open' }));
    await waitFor(() =>
      expect(screen.getByTestId('current-model-name')).toHaveTextContent('Small net · test accuracy 91.23%'),
    );
    expect(within(small()).getByText('open')).toBeInTheDocument();
    expect(useStore.getState().modelSlot).toBe('live');

    await user.click(within(small()).getByRole('button', { name: 'Rename' }));
    const input = within(small()).getByLabelText('New name');
    await user.clear(input);
    await user.type(input, 'Tiny{Enter}');
    await waitFor(() => expect(within(small()).getByRole('heading')).toHaveTextContent('Tiny'));
    expect(screen.getByTestId('current-model-name')).toHaveTextContent('Tiny');

    await user.click(within(small()).getByRole('button', { name: 'Delete' }));
    expect(within(small()).getByText('Delete “Tiny” from this browser?')).toBeInTheDocument();
    await user.click(within(small()).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Tiny/ })).toBeNull());
    // Still the model in memory, now unsaved.
    expect(screen.getByTestId('current-model-name')).toHaveTextContent('The network trained in this session');
  });

  it('compares ticked models side by side, best accuracy marked', async () => {
    const user = userEvent.setup();
    render(<ModelsPage />);
    const saved = screen.getByTestId('saved-models');
    for (const box of within(saved).getAllByRole('checkbox', { name: 'Compare' })) await user.click(box);
    const table = screen.getByTestId('compare-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Property', 'Wider net', 'Small net']);
    const accuracyRow = within(table).getByRole('row', { name: /Test accuracy/ });
    expect(within(accuracyRow).getByText('95.55%')).toHaveClass('models-compare__best');
    expect(within(table).getByRole('row', { name: /Parameters/ })).toHaveTextContent('9,550');
  });

  it('refuses a bad file with the precise reason and keeps the current model; a dropped good file is imported', async () => {
    // The picker's filter can be switched to "All files": the page must still explain the refusal.
    const user = userEvent.setup({ applyAccept: false });
    render(<ModelsPage />);
    await user.click(
      within(screen.getByRole('listitem', { name: /Small net/ })).getByRole('button', { name: 'Open' }),
    );
    await waitFor(() => expect(screen.getByTestId('current-model-name')).toHaveTextContent('Small net'));

    const wrongShape = { ...createNetwork([784, 6, 10], 3) };
    const npz = exportModelFile(
      { name: 'x', createdAt: '', params: wrongShape, config: null, metrics: {} },
      'npz',
    );
    const bad = npz.bytes.slice(0, 700);
    await user.upload(screen.getByTestId('model-file-input'), fileOf(bad, 'cut.npz'));
    expect(await screen.findByTestId('model-file-error')).toHaveTextContent(
      /^cut\.npz was not opened: not a valid \.npz archive: the zip structure is broken .* The current model is unchanged\.$/,
    );
    await user.upload(
      screen.getByTestId('model-file-input'),
      fileOf(new TextEncoder().encode('hello'), 'notes.txt'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('model-file-error')).toHaveTextContent(/this file starts with 68 65 6c 6c/),
    );
    expect(screen.getByTestId('current-model-name')).toHaveTextContent('Small net');
    expect(useStore.getState().openModelId).toBe('a');

    const good = exportModelFile(
      { name: 'x', createdAt: '', params: createNetwork([784, 7, 10], 4), config: null, metrics: {} },
      'npz',
    );
    const zone = screen.getByTestId('model-drop-zone');
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [fileOf(good.bytes, 'from-numpy.npz')] } });
    });
    await waitFor(() =>
      expect(screen.getByTestId('models-notice')).toHaveTextContent('Imported “from-numpy” (784-7-10).'),
    );
    expect(screen.queryByTestId('model-file-error')).toBeNull();
    expect(screen.getByTestId('current-model-name')).toHaveTextContent('from-numpy');
    expect(screen.getByRole('listitem', { name: /from-numpy/ })).toHaveTextContent('imported file');
  });

  it('downloads the current model as .npz and a saved one as .dlm', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ModelsPage />);
    await user.click(
      within(screen.getByRole('listitem', { name: /Wider net/ })).getByRole('button', { name: 'Open' }),
    );
    await waitFor(() => expect(screen.getByTestId('current-model-name')).toHaveTextContent('Wider net'));
    await user.click(screen.getByRole('button', { name: 'Download .npz (NumPy)' }));
    await user.click(
      within(screen.getByRole('listitem', { name: /Small net/ })).getByRole('button', { name: '.dlm' }),
    );
    await waitFor(() => expect(names).toEqual(['Wider-net.npz', 'Small-net.dlm']));
    const npzBytes = new Uint8Array(await created[0].arrayBuffer());
    expect(Array.from(npzBytes.subarray(0, 4))).toEqual([0x50, 0x4b, 3, 4]);
    vi.restoreAllMocks();
  });
});
