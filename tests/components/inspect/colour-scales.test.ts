// Text drawn on the inspector's colour fills (confusion-matrix counts) stays readable: WCAG AA contrast on any fill.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  relativeLuminance,
  sequentialColour,
  textColourOn,
  type Rgb,
} from '../../../src/components/inspect/colour-scales';

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function parseHex(hex: string): Rgb {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

describe('relativeLuminance', () => {
  it('follows the WCAG definition at known points', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
    // #777777 is the usual example of a grey just under 4.5:1 on white.
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});

describe('textColourOn', () => {
  it('keeps at least 4.5:1 on any fill', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
        ),
        (fill) => contrast(fill, parseHex(textColourOn(fill))) >= 4.5,
      ),
      { numRuns: 2000 },
    );
  });

  it("keeps at least 4.5:1 on the confusion matrix's mid-tone fills", () => {
    // The mistakes' orange and the sequential scale's middle, where a luminance cut-off picks wrongly.
    for (const fill of [[217, 95, 2], [221, 113, 30], sequentialColour(0.5), sequentialColour(0.6)] as Rgb[])
      expect(contrast(fill, parseHex(textColourOn(fill)))).toBeGreaterThanOrEqual(4.5);
  });
});
