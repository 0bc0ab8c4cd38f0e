// The Models comparison says in a few words whether and how a run distorted its training digits.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { distortionsSummary } from '../../src/state/distortions-summary';

describe('distortionsSummary', () => {
  it('says none, the defaults, or the settings that differ from them', () => {
    expect(distortionsSummary(REFERENCE_CONFIG)).toBe('none');
    expect(distortionsSummary({ ...REFERENCE_CONFIG, augmentation: DEFAULT_AUGMENTATION })).toBe(
      'the defaults',
    );
    const bent = { ...DEFAULT_AUGMENTATION, elastic: { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 } };
    expect(distortionsSummary({ ...REFERENCE_CONFIG, augmentation: bent })).toMatch(/elastic 34,/);
  });
});
