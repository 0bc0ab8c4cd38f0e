// The worker's config check on layer lists: lists that work pass (dense ones must match hiddenSizes), others say why.
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

  it('accepts a list with conv and pool layers (the layers are the network, hiddenSizes is [])', () => {
    const config = { ...REFERENCE_CONFIG, hiddenSizes: [], layers: 'conv 8@5x5, pool 2, dense 100' };
    expect(configErrors(config, 60_000)).toEqual({});
    expect(() => assertValidConfig({ ...config, layers: 'conv 8@4x4' }, 60_000)).toThrow(
      /layers: conv 8@4x4: 'same' padding needs an odd filter size/,
    );
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
