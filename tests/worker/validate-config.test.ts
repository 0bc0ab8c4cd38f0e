// The worker's config check on layer lists: dense lists that match hiddenSizes pass, others are refused with a reason.
import { describe, expect, it } from 'vitest';
import { assertValidConfig, configErrors } from '../../src/worker/validate-config';
import { REFERENCE_CONFIG } from '../../src/nn/types';

describe('configErrors and layer lists', () => {
  it('accepts a config without a list, and a dense list equal to its hidden sizes', () => {
    expect(configErrors(REFERENCE_CONFIG, 60_000)).toEqual({});
    expect(configErrors({ ...REFERENCE_CONFIG, layers: 'dense 200, dense 100, dense 25' }, 60_000)).toEqual(
      {},
    );
  });

  it('refuses a conv list instead of training the dense network hiddenSizes names', () => {
    const config = { ...REFERENCE_CONFIG, hiddenSizes: [], layers: 'conv 8@5x5, pool 2, dense 100' };
    expect(configErrors(config, 60_000).layers).toMatch(/trains dense networks so far/);
    expect(() => assertValidConfig(config, 60_000)).toThrow(/layers: The app trains dense networks so far/);
  });

  it('refuses a list that cannot work with its reason, and one that disagrees with hiddenSizes', () => {
    expect(configErrors({ ...REFERENCE_CONFIG, layers: 'dense 10' }, 60_000).layers).toMatch(
      /the output layer \(dense 10 with softmax\) is added for you/,
    );
    expect(configErrors({ ...REFERENCE_CONFIG, layers: 'dense 64' }, 60_000).layers).toBe(
      'The layer list "dense 64" is not the hidden sizes [200,100,25] (dense 200, dense 100, dense 25).',
    );
  });
});
