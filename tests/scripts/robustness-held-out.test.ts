// The held-out distortions of the robustness measure do what their names say, and nothing at zero strength.
import { describe, expect, it } from 'vitest';
import {
  HeldOutElastic,
  homography,
  localThicknessDigit,
  perspectiveDigit,
  rotateDigit,
  variantOf,
} from '../../scripts/robustness-held-out';

const SIDE = 28;

function block(left: number, top: number, width: number, height: number): Float32Array {
  const d = new Float32Array(SIDE * SIDE);
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) d[y * SIDE + x] = 1;
  return d;
}

const maxDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const massIn = (d: Float32Array, inside: (x: number, y: number) => boolean) => {
  let sum = 0;
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) if (inside(x, y)) sum += d[y * SIDE + x];
  return sum;
};

describe('held-out distortions', () => {
  it('rotating by 0 is the identity; by 90° moves a bar from the top to the right side', () => {
    const bar = block(10, 4, 8, 2);
    expect(maxDifference(rotateDigit(bar, 0), bar)).toBeLessThan(1e-6);
    const turned = rotateDigit(bar, 90);
    // Clockwise on screen: the top bar ends up vertical on the right.
    expect(massIn(turned, (x) => x >= 22)).toBeCloseTo(16, 3);
    expect(massIn(turned, (_, y) => y < 8)).toBeCloseTo(0, 3);
  });

  it('rotating by 25° and back returns the inside of a blob up to resampling', () => {
    const blob = block(9, 8, 10, 12);
    const back = rotateDigit(rotateDigit(blob, 25), -25);
    expect(massIn(back, () => true)).toBeCloseTo(
      massIn(blob, () => true),
      -1,
    );
    expect(back[14 * SIDE + 14]).toBeCloseTo(1, 5);
  });

  it('the homography takes each corner where it is asked to', () => {
    const from: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const to: [number, number][] = [
      [2, 1],
      [8, 0],
      [11, 12],
      [-1, 9],
    ];
    const h = homography(from, to);
    from.forEach(([x, y], i) => {
      const w = h[6] * x + h[7] * y + 1;
      expect((h[0] * x + h[1] * y + h[2]) / w).toBeCloseTo(to[i][0], 9);
      expect((h[3] * x + h[4] * y + h[5]) / w).toBeCloseTo(to[i][1], 9);
    });
  });

  it('perspective with no narrowing is the identity; with some, the far edge of a full frame shrinks', () => {
    const digit = block(6, 6, 16, 16);
    expect(maxDifference(perspectiveDigit(digit, 0, 0), digit)).toBeLessThan(1e-9);
    const full = block(0, 0, SIDE, SIDE);
    const seen = perspectiveDigit(full, 0.4, 0);
    const rowMass = (y: number) => massIn(seen, (_, yy) => yy === y);
    expect(rowMass(0)).toBeLessThan(0.7 * SIDE);
    expect(rowMass(SIDE - 2)).toBeGreaterThan(0.95 * SIDE);
  });

  it('local pen width: strength 0 is the identity; otherwise ink grows on one side and shrinks on the other', () => {
    const bar = block(4, 12, 20, 3);
    expect(maxDifference(localThicknessDigit(bar, 0, 0), bar)).toBe(0);
    const changed = localThicknessDigit(bar, 0, 1);
    const right = (x: number) => x > 16;
    const left = (x: number) => x < 11;
    expect(massIn(changed, right)).toBeGreaterThan(massIn(bar, right) * 1.5);
    expect(massIn(changed, left)).toBeLessThan(massIn(bar, left) * 0.7);
  });

  it('held-out elastic fields: alpha 0 is the identity, the same digit index gives the same field', () => {
    const digit = block(8, 6, 12, 16);
    expect(maxDifference(new HeldOutElastic(6, 0).distort(digit, 3), digit)).toBe(0);
    const elastic = new HeldOutElastic(6, 80);
    const a = elastic.distort(digit, 5);
    expect(Array.from(new HeldOutElastic(6, 80).distort(digit, 5))).toEqual(Array.from(a));
    expect(maxDifference(a, digit)).toBeGreaterThan(0.3);
    expect(maxDifference(elastic.distort(digit, 6), a)).toBeGreaterThan(0.1);
  });

  it('a digit gets the same variant every time, and variants are spread', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, n) => variantOf(n, 2, 4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    expect(variantOf(17, 2, 4)).toBe(variantOf(17, 2, 4));
  });
});
