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

/** A figure of eight: one stroke from the top, crossing in the middle. */
function figureEight(cx: number, cy: number, rx: number, ry: number, steps: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    points.push([cx - rx * Math.sin(2 * t), cy - ry * Math.cos(t)]);
  }
  return points;
}

/** The other seven digits, drawn as people write them, centred on the pad. */
const MORE_DIGITS: readonly DrawnDigit[] = [
  {
    digit: 2,
    strokes: [
      [
        [0.3, 0.3],
        [0.38, 0.18],
        [0.52, 0.13],
        [0.65, 0.18],
        [0.7, 0.3],
        [0.64, 0.45],
        [0.52, 0.6],
        [0.38, 0.75],
        [0.28, 0.86],
        [0.45, 0.86],
        [0.6, 0.86],
        [0.76, 0.86],
      ],
    ],
  },
  {
    digit: 3,
    strokes: [
      [
        [0.3, 0.2],
        [0.45, 0.12],
        [0.6, 0.14],
        [0.68, 0.25],
        [0.62, 0.38],
        [0.47, 0.46],
        [0.62, 0.52],
        [0.7, 0.64],
        [0.65, 0.78],
        [0.5, 0.86],
        [0.3, 0.8],
      ],
    ],
  },
  {
    digit: 4,
    strokes: [
      [
        [0.55, 0.12],
        [0.42, 0.35],
        [0.3, 0.58],
        [0.5, 0.58],
        [0.74, 0.58],
      ],
      [
        [0.62, 0.3],
        [0.62, 0.6],
        [0.62, 0.9],
      ],
    ],
  },
  {
    digit: 5,
    strokes: [
      [
        [0.7, 0.14],
        [0.5, 0.14],
        [0.38, 0.15],
        [0.35, 0.45],
        [0.5, 0.41],
        [0.64, 0.48],
        [0.7, 0.63],
        [0.63, 0.8],
        [0.47, 0.86],
        [0.32, 0.8],
      ],
    ],
  },
  {
    digit: 6,
    strokes: [
      [
        [0.64, 0.12],
        [0.5, 0.24],
        [0.4, 0.42],
        [0.35, 0.62],
        [0.4, 0.8],
        [0.53, 0.87],
        [0.66, 0.79],
        [0.68, 0.63],
        [0.57, 0.53],
        [0.43, 0.56],
        [0.37, 0.66],
      ],
    ],
  },
  { digit: 8, strokes: [figureEight(0.5, 0.5, 0.17, 0.37, 40)] },
  {
    digit: 9,
    strokes: [
      [
        [0.66, 0.3],
        [0.6, 0.17],
        [0.48, 0.13],
        [0.36, 0.2],
        [0.33, 0.33],
        [0.4, 0.45],
        [0.53, 0.47],
        [0.64, 0.38],
        [0.66, 0.3],
        [0.65, 0.55],
        [0.63, 0.75],
        [0.62, 0.92],
      ],
    ],
  },
];

/** All ten digits, 0 to 9. */
export const ALL_DIGITS: readonly DrawnDigit[] = [...DRAWN_DIGITS, ...MORE_DIGITS].sort(
  (a, b) => a.digit - b.digit,
);
