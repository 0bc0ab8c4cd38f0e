// Distortion settings as text: every setting written and read back, any subset on top of the defaults, and a
// message that names a wrong setting.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { formatAugmentation, parseAugmentation } from '../../src/nn/augmentation-text';

describe('distortion settings as text', () => {
  it('write every setting and read them back', () => {
    const text = formatAugmentation(DEFAULT_AUGMENTATION);
    expect(text).toBe(
      'rotate 15, scale 0.15, shear 0.3, shift 2, affine-p 0.9, elastic 0, elastic-sigma 4, elastic-p 0.5, stroke 0.5, stroke-p 0.3',
    );
    expect(parseAugmentation(text)).toEqual(DEFAULT_AUGMENTATION);
  });

  it('read a subset on top of the defaults, with ":" or "=" allowed', () => {
    expect(parseAugmentation('rotate: 25, elastic=34')).toEqual({
      ...DEFAULT_AUGMENTATION,
      affine: { ...DEFAULT_AUGMENTATION.affine, rotationDegrees: 25 },
      elastic: { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 },
    });
    expect(parseAugmentation('')).toEqual(DEFAULT_AUGMENTATION);
  });

  it('name what is wrong', () => {
    expect(parseAugmentation('spin 10')).toMatch(/unknown distortion setting "spin"/);
    expect(parseAugmentation('rotate lots')).toMatch(/"rotate lots" should be a setting and a number/);
    expect(parseAugmentation('stroke-p 3')).toMatch(
      /^stroke-p: augmentation strokeWidth probability must be between 0 and 1, got 3$/,
    );
  });
});
