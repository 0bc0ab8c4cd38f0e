// @vitest-environment jsdom
// The Workers control against a real training session on the main thread: choosing, refusing, one worker and
// why, the hint during a run, and the choice remembered across visits and worker restarts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import { REFERENCE_CONFIG, type Dataset } from '../../../src/nn/types';
import { datasetSlice } from '../../../src/worker/test-subset';
import type { ParallelSupport } from '../../../src/worker/parallel-support';
import { TrainerError } from '../../../src/worker/trainer-error';
import { EngineBadge } from '../../../src/components/train/EngineBadge';
import { WorkerCountField } from '../../../src/components/train/WorkerCountField';
import { WORKERS_STORAGE_KEY } from '../../../src/state/engine-actions';
import { forgetLoadedDatasets } from '../../../src/state/dataset-actions';
import { useStore } from '../../../src/state/store';
import { restartWorker, stepTraining } from '../../../src/state/training-actions';
import * as client from '../../../src/worker/client';
import type { MainThreadClient } from '../../worker/main-thread-client';

const FOUR_CORES: ParallelSupport = { maxWorkers: 4, defaultWorkers: 3, singleWorkerReason: null };
const NOT_ISOLATED =
  'This page is not cross-origin isolated (its host does not send the COOP/COEP headers), so the workers cannot share memory: training uses one worker.';

const env = vi.hoisted(() => ({
  parallel: null as ParallelSupport | null,
  train: null as Dataset | null,
  test: null as Dataset | null,
}));

vi.mock('../../../src/worker/client', async () =>
  (await import('../../worker/main-thread-client')).mainThreadClient({
    // Read at each session's creation, so a test picks the device it pretends to be before restarting.
    get parallel() {
      return env.parallel ?? undefined;
    },
    loadSplit: async (split) => {
      const data = env[split];
      if (!data) throw new Error('test data not prepared');
      return data;
    },
  }),
);

/** The session behind the mocked client, called directly (no comlink on the main thread). */
function session() {
  return (client as unknown as MainThreadClient).getTrainer();
}

/** A fresh session on a device with this much parallelism, and a store that knows nothing yet. */
function newVisit(parallel: ParallelSupport): void {
  env.parallel = parallel;
  client.restartTrainer();
  forgetLoadedDatasets();
  useStore.setState(useStore.getInitialState(), true);
}

function renderControl() {
  return render(
    <>
      <WorkerCountField />
      <EngineBadge />
    </>,
  );
}

function select(): HTMLSelectElement {
  return screen.getByLabelText('Workers');
}

async function loaded(): Promise<void> {
  await vi.waitFor(() => expect(select()).not.toHaveAttribute('aria-busy'));
}

beforeEach(() => {
  localStorage.clear();
  newVisit(FOUR_CORES);
});

afterEach(cleanup);

describe('Workers control', () => {
  it('offers 1 to the most workers, marks the default, and a choice reaches the worker, the badge and storage', async () => {
    const user = userEvent.setup();
    renderControl();
    await loaded();
    const options = within(select()).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '1 worker',
      '2 workers',
      '3 workers (default)',
      '4 workers',
    ]);
    expect(select()).toHaveValue('3');
    expect(select()).toBeEnabled();
    expect(screen.getByTestId('engine-badge')).toHaveTextContent('TypeScript · 3 workers');

    await user.selectOptions(select(), '2');
    expect(session().getEngine().chosenWorkers).toBe(2);
    expect(useStore.getState().engine?.chosenWorkers).toBe(2);
    expect(select()).toHaveValue('2');
    // No run in the session: the badge shows the count the next run will use.
    expect(screen.getByTestId('engine-badge')).toHaveTextContent('TypeScript · 2 workers');
    expect(localStorage.getItem(WORKERS_STORAGE_KEY)).toBe('2');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows "1 worker", disabled, with the reason in plain sight when the page cannot share memory', async () => {
    newVisit({ maxWorkers: 1, defaultWorkers: 1, singleWorkerReason: NOT_ISOLATED });
    renderControl();
    await loaded();
    expect(select()).toBeDisabled();
    expect(select()).toHaveValue('1');
    expect(
      within(select())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1 worker']);
    // Visible text, not a tooltip, and read out with the control.
    expect(screen.getByText(NOT_ISOLATED)).toBeVisible();
    expect(select()).toHaveAccessibleDescription(NOT_ISOLATED);
    expect(screen.getByTestId('engine-badge')).toHaveTextContent('1 worker');
  });

  it('shows the worker’s refusal beside the control, keeps the old count, and clears it on a good choice', async () => {
    const user = userEvent.setup();
    renderControl();
    await loaded();
    const trainer = session();
    const refusal = 'Choose between 1 and 4 workers, not 3.';
    vi.spyOn(trainer, 'setWorkerCount').mockImplementationOnce(() => {
      throw new TrainerError(refusal);
    });
    await user.selectOptions(select(), '1');
    expect(screen.getByRole('alert')).toHaveTextContent(refusal);
    expect(select()).toHaveAccessibleDescription(new RegExp(refusal.replace('.', '\\.')));
    expect(select()).toHaveValue('3');
    expect(trainer.getEngine().chosenWorkers).toBe(3);
    expect(localStorage.getItem(WORKERS_STORAGE_KEY)).toBeNull();

    await user.selectOptions(select(), '4');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(select()).toHaveValue('4');
    expect(localStorage.getItem(WORKERS_STORAGE_KEY)).toBe('4');
  });

  it('during a run stays changeable, says the choice waits for the next run, and the badge keeps the run’s count', async () => {
    env.train ??= datasetSlice(loadMnistFromDisk('train'), 0, 500);
    env.test ??= datasetSlice(loadMnistFromDisk('test'), 0, 100);
    const user = userEvent.setup();
    useStore
      .getState()
      .setTrainingConfig({ ...REFERENCE_CONFIG, hiddenSizes: [16], batchSize: 50, epochs: 1 });
    renderControl();
    await loaded();
    expect(screen.queryByText(/applies to the next run/i)).toBeNull();

    // Step starts a run and leaves it paused: it continues with its own workers.
    await act(() => stepTraining());
    expect(useStore.getState().trainingStatus).toBe('paused');
    const runWorkers = session().getEngine().workers;
    await vi.waitFor(() => expect(useStore.getState().engine?.workers).toBe(runWorkers));
    const badge = screen.getByTestId('engine-badge');
    expect(badge).toHaveTextContent(runWorkers === 1 ? '1 worker' : `${runWorkers} workers`);

    const other = runWorkers === 2 ? '1' : '2';
    expect(select()).toBeEnabled();
    await user.selectOptions(select(), other);
    expect(session().getEngine().chosenWorkers).toBe(Number(other));
    expect(select()).toHaveValue(other);
    const hint = screen.getByText(/applies to the next run/i);
    expect(hint).toHaveTextContent(
      `this one keeps ${runWorkers === 1 ? '1 worker' : `${runWorkers} workers`}`,
    );
    expect(select()).toHaveAccessibleDescription(/applies to the next run/i);
    expect(badge).toHaveTextContent(runWorkers === 1 ? '1 worker' : `${runWorkers} workers`);
    act(() => useStore.setState({ trainingStatus: 'running' }));
    expect(screen.getByText(/applies to the next run/i)).toBeInTheDocument();
    act(() => useStore.setState({ trainingStatus: 'finished' }));
    expect(screen.queryByText(/applies to the next run/i)).toBeNull();
  });
});

describe('the remembered choice', () => {
  it.each([
    ['2', '2'],
    // Remembered on a bigger machine (or hand-edited): the most this device offers.
    ['8', '4'],
    // Not a count at all: the worker's default stays.
    ['many', '3'],
    ['0', '3'],
  ])('stored %j opens as %j workers', async (stored, shown) => {
    localStorage.setItem(WORKERS_STORAGE_KEY, stored);
    renderControl();
    await loaded();
    expect(select()).toHaveValue(shown);
    expect(session().getEngine().chosenWorkers).toBe(Number(shown));
    // Clamping is for this device only: the person's choice stays as they made it.
    expect(localStorage.getItem(WORKERS_STORAGE_KEY)).toBe(stored);
  });

  it('is put back into a restarted worker, which starts from its own default', async () => {
    const user = userEvent.setup();
    renderControl();
    await loaded();
    await user.selectOptions(select(), '1');
    await act(() => restartWorker());
    await vi.waitFor(() => expect(session().getEngine().chosenWorkers).toBe(1));
    expect(select()).toHaveValue('1');
  });
});
