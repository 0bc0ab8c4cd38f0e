// Varied digit designs are the same for the same seed, stay on the pad, and vary as their names say.
import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../../scripts/handwriting/curves';
import { DIGIT_DESIGNS } from '../../../scripts/handwriting/digit-designs';
import { VARIATION_KINDS, variedDigits, varyDesign } from '../../../scripts/handwriting/variations';

const design = (label: number, style: string) =>
  DIGIT_DESIGNS.find((d) => d.label === label && d.style === style)!;

describe('digit designs and their variations', () => {
  it('gives the same strokes for the same seed and different ones for another', () => {
    const a = variedDigits(DIGIT_DESIGNS, 7);
    const b = variedDigits(DIGIT_DESIGNS, 7);
    const c = variedDigits(DIGIT_DESIGNS, 8);
    expect(b).toEqual(a);
    expect(c[0].strokes).not.toEqual(a[0].strokes);
  });

  it('has every digit in several styles, every style in every variation, names unique per digit', () => {
    const all = variedDigits(DIGIT_DESIGNS, 1);
    for (let label = 0; label <= 9; label++) {
      const styles = DIGIT_DESIGNS.filter((d) => d.label === label).map((d) => d.style);
      expect(styles.length).toBeGreaterThanOrEqual(3);
      expect(new Set(styles).size).toBe(styles.length);
      expect(all.filter((d) => d.label === label).length).toBeGreaterThanOrEqual(30);
    }
    expect(all.length).toBe(DIGIT_DESIGNS.length * VARIATION_KINDS.length);
  });

  it('keeps every point on the pad, inside the pen margin', () => {
    for (const d of variedDigits(DIGIT_DESIGNS, 3)) {
      const b = boundsOf(d.strokes);
      expect(b.minX).toBeGreaterThanOrEqual(0.039);
      expect(b.minY).toBeGreaterThanOrEqual(0.039);
      expect(b.maxX).toBeLessThanOrEqual(0.961);
      expect(b.maxY).toBeLessThanOrEqual(0.961);
    }
  });

  it('draws tiny digits at about a tenth of the pad and huge ones nearly filling it', () => {
    const side = (kind: 'tiny' | 'huge') => {
      const b = boundsOf(varyDesign(design(7, 'crossed'), kind, 5).strokes);
      return Math.max(b.maxX - b.minX, b.maxY - b.minY);
    };
    expect(side('tiny')).toBeGreaterThan(0.08);
    expect(side('tiny')).toBeLessThan(0.15);
    expect(side('huge')).toBeGreaterThan(0.84);
  });

  it('puts a corner digit against two edges of the pad', () => {
    const b = boundsOf(varyDesign(design(4, 'open'), 'corner', 2).strokes);
    const nearX = Math.min(b.minX, 1 - b.maxX);
    const nearY = Math.min(b.minY, 1 - b.maxY);
    expect(nearX).toBeLessThan(0.05);
    expect(nearY).toBeLessThan(0.05);
  });

  it('slants the top of a right-slanted 1 to the right of its foot', () => {
    const stroke = varyDesign(design(1, 'bar'), 'slant-right', 4).strokes[0];
    const top = stroke.reduce((a, p) => (p[1] < a[1] ? p : a));
    const foot = stroke.reduce((a, p) => (p[1] > a[1] ? p : a));
    expect(top[0] - foot[0]).toBeGreaterThan(0.1 * (foot[1] - top[1]));
  });

  it('reverses strokes and their order, and lifting the pen adds a stroke', () => {
    const crossed = design(7, 'crossed');
    const reversed = varyDesign(crossed, 'reversed', 1).strokes;
    expect(reversed.length).toBe(2);
    // The crossing bar, drawn first now, from its right end.
    expect(reversed[0][0][0]).toBeGreaterThan(reversed[0][reversed[0].length - 1][0]);
    expect(varyDesign(crossed, 'lifted', 1).strokes.length).toBe(3);
  });
});
