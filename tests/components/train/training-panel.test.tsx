// @vitest-environment jsdom
// The training card as a user meets it: validated fields, presets, buttons that follow the run's state, charts.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_AUGMENTATION } from '../../../src/nn/augmentation';
import { formatAugmentation } from '../../../src/nn/augmentation-text';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import { useStore } from '../../../src/state/store';
import type { TrainingStatus } from '../../../src/state/session-slice';
import type { RunHistory } from '../../../src/state/metrics-slice';
import { TrainingPanel } from '../../../src/components/train/TrainingPanel';
import { MetricChart } from '../../../src/components/train/MetricChart';
import { chartSeries } from '../../../src/components/train/chart-series';
import * as actions from '../../../src/state/training-actions';

vi.mock('../../../src/state/training-actions', () => ({
  startTraining: vi.fn(async () => undefined),
  pauseTraining: vi.fn(async () => undefined),
  resumeTraining: vi.fn(async () => undefined),
  stopTraining: vi.fn(async () => undefined),
  stepTraining: vi.fn(async () => undefined),
  resetTraining: vi.fn(async () => undefined),
  restartWorker: vi.fn(async () => undefined),
}));

// The worker count is tested in worker-count.test.tsx; here it must not start a real worker (jsdom has none).
vi.mock('../../../src/state/engine-actions', () => ({
  showEngine: vi.fn(async () => undefined),
  chooseWorkerCount: vi.fn(async () => undefined),
}));

beforeAll(() => {
  // recharts measures its container; jsdom has no layout, so the charts get a fixed width below.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  vi.clearAllMocks();
});

afterEach(cleanup);

const BUTTONS = ['Start', 'Pause', 'Resume', 'Stop', 'Step', 'Reset'] as const;

function enabledButtons(): string[] {
  const group = screen.getByRole('group', { name: 'Training controls' });
  return BUTTONS.filter(
    (name) => within(group).getByRole('button', { name }).hasAttribute('disabled') === false,
  );
}

function run(id: number, points: number, overrides: Partial<RunHistory> = {}): RunHistory {
  return {
    id,
    config: REFERENCE_CONFIG,
    train: Array.from({ length: points }, (_, i) => ({
      samplesSeen: (i + 1) * 1280,
      loss: 2 / (i + 1),
      accuracy: 0.5 + i / (2 * points),
    })),
    test: [
      { samplesSeen: 12_800, loss: 0.4, accuracy: 0.9, sampleCount: 1000 },
      { samplesSeen: 60_000, loss: 0.2, accuracy: 0.955, sampleCount: 10_000 },
    ],
    epochSeconds: [9.5],
    end: 'finished',
    ...overrides,
  };
}

describe('training form', () => {
  it('starts from the reference design and explains each bad field next to it, blocking Start', async () => {
    const user = userEvent.setup();
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.getByLabelText('Hidden layers')).toHaveValue('200, 100, 25');
    expect(screen.getByLabelText('Optimizer')).toHaveValue('reference-momentum');
    expect(screen.getByLabelText('Learning rate')).toHaveValue('0.5');
    expect(screen.getByLabelText('Preset')).toHaveValue('reference');

    const hidden = screen.getByLabelText('Hidden layers');
    await user.clear(hidden);
    await user.type(hidden, '200, 0');
    expect(hidden).toHaveAccessibleDescription(/at least 1/);
    expect(hidden).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();

    await user.clear(hidden);
    await user.type(hidden, '128');
    expect(hidden).not.toHaveAttribute('aria-invalid');
    expect(useStore.getState().trainingConfig.hiddenSizes).toEqual([128]);
    expect(screen.getByLabelText('Preset')).toHaveValue('');

    const lr = screen.getByLabelText('Learning rate');
    await user.clear(lr);
    await user.type(lr, '-0.1');
    expect(lr).toHaveAccessibleDescription('The learning rate must be a number above 0.');
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    await user.clear(lr);
    await user.type(lr, '0.1');

    const batch = screen.getByLabelText('Batch size');
    await user.clear(batch);
    await user.type(batch, '70000');
    expect(batch).toHaveAccessibleDescription(/cannot be larger than the 60,000 training digits/);
    // Typed digit by digit, "7000" was valid on the way; the invalid final value is never written.
    expect(useStore.getState().trainingConfig.batchSize).not.toBe(70_000);
    await user.clear(batch);
    await user.type(batch, '64');
    expect(screen.getByRole('button', { name: 'Start' })).toBeEnabled();
    expect(useStore.getState().trainingConfig).toMatchObject({
      hiddenSizes: [128],
      learningRate: 0.1,
      batchSize: 64,
    });
  });

  it('fills every field from a preset and shows Adam its two betas', async () => {
    const user = userEvent.setup();
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.queryByLabelText('Beta2')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Preset'), 'fast');
    expect(screen.getByLabelText('Optimizer')).toHaveValue('adam');
    expect(screen.getByLabelText('Learning rate')).toHaveValue('0.003');
    expect(screen.getByLabelText('Beta1')).toHaveValue('0.9');
    expect(screen.getByLabelText('Beta2')).toHaveValue('0.999');
    expect(useStore.getState().trainingPresetId).toBe('fast');
    await user.selectOptions(screen.getByLabelText('Optimizer'), 'sgd');
    expect(screen.queryByLabelText('Beta1')).toBeNull();
    expect(useStore.getState().trainingConfig.optimizer).toBe('sgd');
  });
});

describe('training on distorted digits in the form', () => {
  it('turns distortions on with their settings, explains a bad one, and fills them from a robust preset', async () => {
    const user = userEvent.setup();
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.queryByLabelText('Distortions')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Distort the training digits/ }));
    const settings = screen.getByLabelText('Distortions');
    expect(settings).toHaveValue(formatAugmentation(DEFAULT_AUGMENTATION));
    expect(useStore.getState().trainingConfig.augmentation).toEqual(DEFAULT_AUGMENTATION);
    await user.clear(settings);
    await user.type(settings, 'rotate 25, elastic 0');
    expect(useStore.getState().trainingConfig.augmentation).toMatchObject({
      affine: { rotationDegrees: 25 },
      elastic: { alpha: 0 },
    });
    await user.clear(settings);
    await user.type(settings, 'wobble 3');
    expect(screen.getByRole('alert')).toHaveTextContent(/Unknown distortion setting "wobble"/);
    await user.click(screen.getByRole('checkbox', { name: /Distort the training digits/ }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useStore.getState().trainingConfig.augmentation).toBeUndefined();
    await user.selectOptions(screen.getByLabelText('Preset'), 'cnn-robust');
    expect(screen.getByRole('checkbox', { name: /Distort the training digits/ })).toBeChecked();
    expect(useStore.getState().trainingConfig.augmentation).toEqual(DEFAULT_AUGMENTATION);
  });
});

describe('training controls', () => {
  const expected: Record<TrainingStatus, string[]> = {
    idle: ['Start', 'Step', 'Reset'],
    running: ['Pause', 'Stop'],
    paused: ['Resume', 'Stop', 'Step', 'Reset'],
    stopped: ['Start', 'Reset'],
    finished: ['Start', 'Reset'],
    diverged: ['Start', 'Reset'],
    failed: [],
  };

  it.each(Object.entries(expected))('in state %s enables %j', (status, buttons) => {
    useStore.setState({ trainingStatus: status as TrainingStatus });
    render(<TrainingPanel chartWidth={500} />);
    expect(enabledButtons()).toEqual(buttons);
    // Settings can change only between runs.
    expect(screen.getByLabelText('Learning rate').hasAttribute('disabled')).toBe(!buttons.includes('Start'));
  });

  it('disables everything while a command is on its way, and the buttons work from the keyboard', async () => {
    const user = userEvent.setup();
    useStore.setState({ trainingStatus: 'paused', trainingBusy: true });
    render(<TrainingPanel chartWidth={500} />);
    expect(enabledButtons()).toEqual([]);
    act(() => useStore.setState({ trainingBusy: false }));
    screen.getByRole('button', { name: 'Resume' }).focus();
    await user.keyboard('{Enter}');
    expect(actions.resumeTraining).toHaveBeenCalledTimes(1);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
    await user.keyboard(' ');
    expect(actions.stopTraining).toHaveBeenCalledTimes(1);
  });

  it('shows the worker failure with a Restart worker button, and divergence advice', async () => {
    const user = userEvent.setup();
    useStore.setState({
      trainingStatus: 'failed',
      workerError: 'The training worker crashed: out of memory',
    });
    const { unmount } = render(<TrainingPanel chartWidth={500} />);
    expect(screen.getByRole('alert')).toHaveTextContent('out of memory');
    await user.click(screen.getByRole('button', { name: 'Restart worker' }));
    expect(actions.restartWorker).toHaveBeenCalledTimes(1);
    unmount();

    useStore.setState({
      trainingStatus: 'diverged',
      workerError: null,
      trainingNotice: { kind: 'divergence', text: 'Training diverged … try a smaller one, such as 5.' },
    });
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.getByRole('alert')).toHaveTextContent('try a smaller one, such as 5.');
  });

  it('says when checkpoints cannot be saved, points to Models to export, and can be dismissed', async () => {
    const user = userEvent.setup();
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.queryByTestId('train-storage-error')).toBeNull();
    act(() => {
      useStore.setState({
        storageError:
          "Could not save a checkpoint of the training run: this site's browser storage is full. Delete saved models you no longer need.",
      });
    });
    const notice = screen.getByTestId('train-storage-error');
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('browser storage is full');
    expect(within(notice).getByRole('link', { name: 'Models' })).toHaveAttribute('href', '#/models');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('train-storage-error')).toBeNull();
    expect(useStore.getState().storageError).toBeNull();
  });
});

describe('progress and charts', () => {
  it('shows test accuracy as text and the progress with epoch, batch, speed and time left', () => {
    useStore.setState({
      trainingStatus: 'running',
      latestTestAccuracy: 0.9734,
      latestTestSampleCount: 10_000,
      samplesPerSecond: 12_345.6,
      engine: {
        name: 'TypeScript',
        workers: 1,
        chosenWorkers: 1,
        maxWorkers: 4,
        defaultWorkers: 3,
        singleWorkerReason: null,
      },
      trainingProgress: {
        epoch: 1,
        batch: 120,
        batchesPerEpoch: 469,
        epochs: 20,
        samplesSeen: 75_360,
        totalSamples: 1_200_000,
        elapsedMs: 9000,
        secondsLeft: 91,
      },
    });
    render(<TrainingPanel chartWidth={500} />);
    expect(screen.getByTestId('test-accuracy')).toHaveTextContent(
      'Test accuracy 97.3% on 10,000 test digits',
    );
    expect(screen.getByTestId('training-progress')).toHaveTextContent(
      'Epoch 2 of 20 · batch 120 of 469 · 1:31 left',
    );
    expect(screen.getByTestId('training-progress')).toHaveTextContent('12,346 samples/s');
    expect(screen.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute(
      'aria-valuenow',
      '6',
    );
    expect(screen.getByTestId('training-progress')).toHaveTextContent('TypeScript');
  });

  it('draws the current run and the compared earlier run, with a legend naming each', async () => {
    const user = userEvent.setup();
    useStore.setState({
      currentRun: run(2, 30),
      pastRuns: [run(1, 20, { config: { ...REFERENCE_CONFIG, optimizer: 'sgd' } })],
      comparedRunIds: [1],
    });
    const { container } = render(<TrainingPanel chartWidth={500} />);
    const loss = screen.getByTestId('chart-loss');
    expect(within(loss).getByText('Run 2 train (smoothed)')).toBeInTheDocument();
    expect(within(loss).getByText('Run 2 test')).toBeInTheDocument();
    expect(within(loss).getByText('Run 1 train')).toBeInTheDocument();
    const accuracy = screen.getByTestId('chart-accuracy');
    expect(within(accuracy).getByText('Run 1 test')).toBeInTheDocument();
    // Every series is drawn as a path with one point per history entry.
    const curves = container.querySelectorAll('.metric-chart__line');
    // Loss: run 1 train, run 2 train and test; accuracy: run 1 train and test, run 2 train and test.
    expect(curves.length).toBe(3 + 4);
    expect(container.querySelectorAll('.metric-chart__live-line')).toHaveLength(2 + 2);
    expect(screen.getByLabelText(/Run 1: SGD lr 0.5, batch 128, 784-200-100-25-10/)).toBeChecked();

    await user.click(screen.getByLabelText(/Run 1: SGD/));
    expect(useStore.getState().comparedRunIds).toEqual([]);
    expect(within(screen.getByTestId('chart-loss')).queryByText('Run 1 train')).toBeNull();
  });

  it('renders exactly the points of the history it is given', () => {
    const series = chartSeries(run(3, 12), [], 'accuracy');
    const { container } = render(
      <MetricChart title="Accuracy" series={series} yUnit="%" yDomain={[0, 100]} width={400} height={200} />,
    );
    const [trainCurve, testCurve] = container.querySelectorAll('.metric-chart__live-line');
    const vertices = (curve: Element) =>
      (curve.getAttribute('d') ?? '').split(/[ML]/).filter((s) => s.trim() !== '');
    // Test evaluations are dotted (2 of them): one circle marker on every vertex of the test curve.
    expect(vertices(testCurve)).toHaveLength(2);
    for (const end of ['marker-start', 'marker-mid', 'marker-end']) {
      const markerId = /^url\(#(.+)\)$/.exec(testCurve.getAttribute(end) ?? '')?.[1] ?? '';
      expect(container.querySelector(`marker[id="${markerId}"] circle`)).toHaveAttribute('stroke', '#e65100');
    }
    // The training curve is a line without dots.
    expect(vertices(trainCurve)).toHaveLength(12);
    expect(trainCurve).not.toHaveAttribute('marker-mid');
    expect(container.querySelectorAll('.metric-chart__live-dot')).toHaveLength(0);
  });

  it('marks a lone test evaluation with a dot (a one-point curve has no vertices to mark)', () => {
    const first = run(4, 10);
    const series = chartSeries({ ...first, test: first.test.slice(0, 1) }, [], 'accuracy');
    const { container } = render(
      <MetricChart title="Accuracy" series={series} yUnit="%" yDomain={[0, 100]} width={400} height={200} />,
    );
    const dots = container.querySelectorAll('.metric-chart__live-dot');
    expect(dots).toHaveLength(1);
    expect(dots[0]).toHaveAttribute('stroke', '#e65100');
  });
});

describe('training form with a layer list', () => {
  it('offers the CNN preset, with the worker count open to it, and explains a list that cannot work', async () => {
    const user = userEvent.setup();
    render(<TrainingPanel chartWidth={500} />);
    await user.selectOptions(screen.getByLabelText('Preset'), 'cnn');
    const hidden = screen.getByLabelText('Hidden layers');
    expect(hidden).toHaveValue('conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100');
    expect(useStore.getState().trainingConfig).toMatchObject({
      hiddenSizes: [],
      optimizer: 'adam',
      batchSize: 64,
    });
    // Several workers train a CNN as they train a dense network: the field says nothing of conv layers.
    expect(screen.getByLabelText('Workers')).not.toHaveAccessibleDescription(/conv|one worker/);

    await user.clear(hidden);
    await user.type(hidden, 'dense 100, pool 2');
    expect(hidden).toHaveAttribute('aria-invalid', 'true');
    expect(hidden).toHaveAccessibleDescription(/Pool 2 comes after dense 100/);
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();

    await user.clear(hidden);
    await user.type(hidden, 'conv 4@3x3, pool 2');
    expect(hidden).not.toHaveAttribute('aria-invalid');
    expect(useStore.getState().trainingConfig.layers).toBe('conv 4@3x3, pool 2');
  });
});
