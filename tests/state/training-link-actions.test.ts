// @vitest-environment jsdom
// A `#/train?…` link sets the training settings on load and on hash changes; bad values are named in a notice.
import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { useStore } from '../../src/state/store';
import { watchTrainingLinks } from '../../src/state/training-link-actions';
import { trainingConfigHash } from '../../src/state/url-config';

const initialState = useStore.getState();
afterEach(() => {
  useStore.setState(initialState, true);
  location.hash = '';
});

describe('training links', () => {
  it('reproduces the linked config, seed included, at load and on later hash changes', () => {
    const shared = {
      ...REFERENCE_CONFIG,
      hiddenSizes: [64, 32],
      optimizer: 'adam' as const,
      learningRate: 0.002,
      seed: 42,
    };
    location.hash = trainingConfigHash(shared);
    const stop = watchTrainingLinks();
    expect(useStore.getState().trainingConfig).toEqual(shared);
    expect(useStore.getState().trainingPresetId).toBeNull();

    window.location.hash = '#/train?seed=7&lr=oops';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useStore.getState().trainingConfig).toEqual({ ...shared, seed: 7 });
    expect(useStore.getState().trainingNotice?.text).toBe(
      'Some settings in the link could not be read and keep their current value: lr: "oops" is not a number.',
    );
    stop();
    window.location.hash = '#/train?seed=9';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useStore.getState().trainingConfig.seed).toBe(7);
  });

  it('leaves the settings alone for links without a config', () => {
    location.hash = '#/draw';
    const stop = watchTrainingLinks();
    expect(useStore.getState().trainingConfig).toBe(initialState.trainingConfig);
    stop();
  });
});
