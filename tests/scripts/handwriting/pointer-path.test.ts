// The mouse path that draws a design on the pad: in the pad's box, at even spacing a mouse would report.
import { describe, expect, it } from 'vitest';
import { evenlySpaced } from '../../../scripts/handwriting/curves';
import { pointerPathOf, pointerSpacingCss } from '../../../scripts/handwriting/pointer-path';

const box = { x: 100, y: 50, width: 400, height: 400 };

describe('pointer path on the pad', () => {
  it('maps pad fractions into the pad box on the page, stroke by stroke, ends included', () => {
    const path = pointerPathOf(
      [
        [
          [0.1, 0.1],
          [0.1, 0.9],
        ],
        [
          [0.2, 0.5],
          [0.8, 0.5],
        ],
      ],
      box,
    );
    expect(path.length).toBe(2);
    expect(path[0][0]).toEqual([140, 90]);
    expect(path[0][path[0].length - 1]).toEqual([140, 410]);
    expect(path[1][path[1].length - 1]).toEqual([420, 250]);
  });

  it('samples evenly, more finely for a tiny digit than for a huge one', () => {
    const huge = [
      [
        [0.05, 0.05],
        [0.05, 0.95],
      ] as [number, number][],
    ];
    const tiny = [
      [
        [0.5, 0.45],
        [0.5, 0.55],
      ] as [number, number][],
    ];
    expect(pointerSpacingCss(tiny, box)).toBeLessThan(pointerSpacingCss(huge, box));
    const points = pointerPathOf(huge, box)[0];
    const spacing = pointerSpacingCss(huge, box);
    for (let i = 1; i < points.length - 1; i++) {
      expect(Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1])).toBeCloseTo(
        spacing,
        6,
      );
    }
  });

  it('keeps even spacing round a corner', () => {
    const points = evenlySpaced(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      3,
    );
    expect(points.map(([x, y]) => [x, y])).toEqual([
      [0, 0],
      [3, 0],
      [6, 0],
      [9, 0],
      [10, 2],
      [10, 5],
      [10, 8],
      [10, 10],
    ]);
  });
});
