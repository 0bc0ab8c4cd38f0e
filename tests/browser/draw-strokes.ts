// Polylines of a 1, a 0 and a 7 in pad fractions (0..1), drawn large and off-centre, for the Draw browser test.

export interface DrawnDigit {
  readonly digit: number;
  /** Each stroke is a list of [x, y] fractions of the pad's width and height. */
  readonly strokes: readonly (readonly [number, number])[][];
}

function ellipse(cx: number, cy: number, rx: number, ry: number, steps: number): [number, number][] {
  const points: [number, number][] = [];
  // Start at the top and go anticlockwise a little past the start, as people close a 0.
  for (let i = 0; i <= steps + 2; i++) {
    const a = -Math.PI / 2 - (2 * Math.PI * i) / steps;
    points.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return points;
}

export const DRAWN_DIGITS: readonly DrawnDigit[] = [
  // A slightly slanted 1, tall, in the right half of the pad.
  {
    digit: 1,
    strokes: [
      [
        [0.7, 0.08],
        [0.69, 0.3],
        [0.675, 0.55],
        [0.66, 0.8],
        [0.65, 0.92],
      ],
    ],
  },
  // A 0 filling the upper-left part of the pad.
  { digit: 0, strokes: [ellipse(0.38, 0.42, 0.27, 0.36, 28)] },
  // A 7 in the lower right: the bar, then the long diagonal.
  {
    digit: 7,
    strokes: [
      [
        [0.35, 0.3],
        [0.55, 0.3],
        [0.75, 0.3],
        [0.93, 0.31],
        [0.85, 0.45],
        [0.76, 0.6],
        [0.68, 0.76],
        [0.6, 0.95],
      ],
    ],
  },
];
