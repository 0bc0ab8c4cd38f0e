// @vitest-environment jsdom
// The Train place's preview of distortions: shown only for a run that distorts its digits, originals above their
// distorted copies, a new epoch's distortions on request, and the worker's refusal in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_AUGMENTATION } from '../../../src/nn/augmentation';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import { useStore } from '../../../src/state/store';
import { AugmentationPreview } from '../../../src/components/train/AugmentationPreview';
import { fetchAugmentedSamples } from '../../../src/state/augment-preview-actions';

vi.mock('../../../src/state/augment-preview-actions', () => ({
  fetchAugmentedSamples: vi.fn(async () => ({
    originals: new Uint8Array(3 * 784),
    distorted: new Uint8Array(3 * 784),
    labels: Uint8Array.from([5, 0, 4]),
  })),
}));
const fetchMock = vi.mocked(fetchAugmentedSamples);

const ready = { status: 'ready', bytesLoaded: 1, bytesTotal: 1, count: 60_000, error: null } as const;

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  fetchMock.mockClear();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('AugmentationPreview', () => {
  it('stays away for a run on the digits as they are, or before the training set is there', () => {
    useStore.setState({ datasets: { train: ready, test: ready } });
    const { container } = render(<AugmentationPreview />);
    expect(container).toBeEmptyDOMElement();
    useStore.setState({
      trainingConfig: { ...REFERENCE_CONFIG, augmentation: DEFAULT_AUGMENTATION },
      datasets: { train: { ...ready, status: 'loading' }, test: ready },
    });
    expect(container).toBeEmptyDOMElement();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the digits above their distortions for epoch 1, then the next epoch on request', async () => {
    useStore.setState({
      trainingConfig: { ...REFERENCE_CONFIG, seed: 9, augmentation: DEFAULT_AUGMENTATION },
      datasets: { train: ready, test: ready },
    });
    render(<AugmentationPreview />);
    expect(
      await screen.findByRole('img', { name: /training digit 1, labelled 5, as it is/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /training digit 3, labelled 4, distorted for epoch 1/ }),
    ).toBeInTheDocument();
    expect(fetchMock).toHaveBeenLastCalledWith(DEFAULT_AUGMENTATION, 9, 0);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show epoch 2' }));
    expect(fetchMock).toHaveBeenLastCalledWith(DEFAULT_AUGMENTATION, 9, 1);
    expect(await screen.findByText('What the network trains on in epoch 2')).toBeInTheDocument();
  });

  it('says what the worker refused', async () => {
    fetchMock.mockRejectedValueOnce(
      new Error('The augmentation affine scale must be between 0 and 0.9, got 5.'),
    );
    useStore.setState({
      trainingConfig: { ...REFERENCE_CONFIG, augmentation: DEFAULT_AUGMENTATION },
      datasets: { train: ready, test: ready },
    });
    render(<AugmentationPreview />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/scale must be between 0 and 0.9/);
  });
});
