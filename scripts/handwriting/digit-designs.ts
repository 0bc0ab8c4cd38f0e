// Each digit 0-9 in the styles people really write it (not only MNIST's), as pen strokes in a unit box.
import { arc, bezier, joined, type Path, type Point } from './curves';

export interface DigitDesign {
  readonly label: number;
  /** A short name for the style, unique within its digit ("flag-base", "crossed"). */
  readonly style: string;
  /** The strokes in writing order, each from touch-down to lift; coordinates in a unit box, y downwards. */
  readonly strokes: readonly Path[];
}

const line = (...points: Point[]): Point[] => points;

export const DIGIT_DESIGNS: readonly DigitDesign[] = [
  // 0: drawn anticlockwise from the top, overshooting a little where the loop closes.
  { label: 0, style: 'oval', strokes: [arc(0.5, 0.5, 0.36, 0.5, -80, -445)] },
  { label: 0, style: 'narrow', strokes: [arc(0.5, 0.5, 0.17, 0.5, -95, -460)] },
  {
    label: 0,
    style: 'slashed',
    strokes: [arc(0.5, 0.5, 0.32, 0.5, -90, -450), line([0.78, 0.12], [0.22, 0.88])],
  },
  { label: 0, style: 'clockwise-round', strokes: [arc(0.5, 0.5, 0.45, 0.5, -100, 265)] },

  // 1: the bare bar is MNIST's; people add a flag, a base, or write it slanted.
  { label: 1, style: 'bar', strokes: [line([0.5, 0], [0.5, 1])] },
  { label: 1, style: 'flag', strokes: [line([0.22, 0.3], [0.55, 0], [0.55, 1])] },
  {
    label: 1,
    style: 'flag-base',
    strokes: [line([0.25, 0.26], [0.52, 0], [0.52, 1]), line([0.2, 1], [0.84, 1])],
  },
  { label: 1, style: 'slanted-flag', strokes: [line([0.5, 0.2], [0.74, 0], [0.42, 1])] },

  // 2: plain round top, a curl at the bottom-left, or a Z with a rounded corner.
  {
    label: 2,
    style: 'plain',
    strokes: [
      joined(
        arc(0.5, 0.3, 0.36, 0.3, 190, 370),
        bezier([0.86, 0.3], [0.8, 0.55], [0.4, 0.75], [0.1, 1]),
        line([0.1, 1], [0.92, 0.98]),
      ),
    ],
  },
  {
    label: 2,
    style: 'looped',
    strokes: [
      joined(
        arc(0.5, 0.28, 0.36, 0.28, 190, 370),
        bezier([0.86, 0.28], [0.84, 0.5], [0.45, 0.68], [0.13, 0.81]),
        arc(0.28, 0.86, 0.16, 0.12, 200, -270),
        line([0.28, 0.98], [0.95, 0.97]),
      ),
    ],
  },
  {
    label: 2,
    style: 'z-like',
    strokes: [
      joined(
        line([0.12, 0.1]),
        bezier([0.12, 0.1], [0.4, -0.02], [0.95, -0.04], [0.82, 0.15]),
        line([0.82, 0.15], [0.1, 1], [0.9, 1]),
      ),
    ],
  },

  // 3: two bumps meeting in a point, or a flat top with a diagonal down to the bump.
  {
    label: 3,
    style: 'round',
    strokes: [joined(arc(0.45, 0.25, 0.36, 0.25, 200, 450), arc(0.45, 0.74, 0.42, 0.26, 270, 520))],
  },
  {
    label: 3,
    style: 'flat-top',
    strokes: [joined(line([0.12, 0], [0.85, 0], [0.4, 0.4]), arc(0.45, 0.69, 0.42, 0.31, 255, 520))],
  },
  {
    label: 3,
    style: 'two-bumps',
    strokes: [arc(0.45, 0.25, 0.34, 0.25, 190, 440), arc(0.45, 0.74, 0.42, 0.26, 280, 520)],
  },

  // 4: open at the top (two pen strokes), a closed triangle, or like an h with a straight left side.
  {
    label: 4,
    style: 'open',
    strokes: [line([0.36, 0], [0.06, 0.64], [0.94, 0.64]), line([0.7, 0.22], [0.7, 1])],
  },
  {
    label: 4,
    style: 'closed',
    strokes: [line([0.66, 0], [0.06, 0.66], [0.94, 0.66]), line([0.66, 0], [0.66, 1])],
  },
  {
    label: 4,
    style: 'open-square',
    strokes: [line([0.15, 0], [0.15, 0.56], [0.88, 0.56]), line([0.74, 0.02], [0.74, 1])],
  },

  // 5: the top bar as its own stroke (written last), in one stroke, or with a tight, angular belly.
  {
    label: 5,
    style: 'separate-bar',
    strokes: [
      joined(line([0.22, 0.02], [0.18, 0.46]), arc(0.45, 0.7, 0.38, 0.28, 220, 505)),
      line([0.22, 0.02], [0.88, 0.02]),
    ],
  },
  {
    label: 5,
    style: 'one-stroke',
    strokes: [joined(line([0.85, 0], [0.24, 0.02], [0.2, 0.45]), arc(0.47, 0.7, 0.38, 0.28, 215, 505))],
  },
  {
    label: 5,
    style: 'big-belly',
    strokes: [
      joined(line([0.3, 0], [0.25, 0.35]), arc(0.5, 0.65, 0.45, 0.34, 225, 500)),
      line([0.3, 0], [0.85, 0]),
    ],
  },

  // 6: a curved back into a round loop, a straight back into a small loop, or a low, wide loop under a tall back.
  {
    label: 6,
    style: 'round',
    strokes: [
      joined(
        bezier([0.78, 0.04], [0.4, 0.08], [0.14, 0.4], [0.16, 0.72]),
        arc(0.48, 0.72, 0.32, 0.27, 180, -185),
      ),
    ],
  },
  {
    label: 6,
    style: 'straight-back',
    strokes: [joined(line([0.72, 0], [0.2, 0.72]), arc(0.48, 0.76, 0.29, 0.23, 190, -175))],
  },
  {
    label: 6,
    style: 'wide-loop',
    strokes: [
      joined(
        bezier([0.72, 0], [0.35, 0.06], [0.06, 0.36], [0.06, 0.68]),
        arc(0.46, 0.68, 0.4, 0.3, 180, -185),
      ),
    ],
  },

  // 7: plain, crossed, or European with a hook at the start and a curved stem.
  { label: 7, style: 'plain', strokes: [line([0.08, 0.04], [0.92, 0.04], [0.38, 1])] },
  {
    label: 7,
    style: 'crossed',
    strokes: [line([0.08, 0.04], [0.92, 0.04], [0.42, 1]), line([0.42, 0.52], [0.9, 0.5])],
  },
  {
    label: 7,
    style: 'hooked',
    strokes: [
      joined(
        line([0.08, 0.2], [0.12, 0.02], [0.92, 0.04]),
        bezier([0.92, 0.04], [0.7, 0.35], [0.52, 0.65], [0.48, 1]),
      ),
    ],
  },
  {
    label: 7,
    style: 'hooked-crossed',
    strokes: [
      joined(
        line([0.06, 0.18], [0.1, 0.02], [0.92, 0.04]),
        bezier([0.92, 0.04], [0.7, 0.35], [0.52, 0.65], [0.48, 1]),
      ),
      line([0.42, 0.5], [0.92, 0.5]),
    ],
  },

  // 8: one stroke crossing in the middle, two stacked circles, or an S closed by a diagonal back up.
  {
    label: 8,
    style: 'one-stroke',
    strokes: [
      joined(
        bezier([0.78, 0.12], [0.6, -0.08], [0.12, 0.02], [0.3, 0.3]),
        bezier([0.3, 0.3], [0.45, 0.5], [0.9, 0.6], [0.8, 0.85]),
        bezier([0.8, 0.85], [0.7, 1.08], [0.12, 1.05], [0.18, 0.78]),
        bezier([0.18, 0.78], [0.24, 0.55], [0.75, 0.45], [0.78, 0.2]),
      ),
    ],
  },
  {
    label: 8,
    style: 'two-circles',
    strokes: [arc(0.5, 0.23, 0.26, 0.23, -90, -450), arc(0.5, 0.73, 0.33, 0.27, -90, 270)],
  },
  {
    label: 8,
    style: 's-and-return',
    strokes: [
      joined(
        arc(0.5, 0.25, 0.3, 0.25, -10, -270),
        bezier([0.2, 0.25], [0.2, 0.45], [0.8, 0.5], [0.8, 0.75]),
        arc(0.5, 0.75, 0.3, 0.25, 0, 180),
        line([0.2, 0.75], [0.77, 0.15]),
      ),
    ],
  },

  // 9: a loop and a straight stem, a stem curling left at the foot, or a slanted stem.
  {
    label: 9,
    style: 'straight-stem',
    strokes: [joined(arc(0.48, 0.28, 0.34, 0.28, -20, -380), line([0.8, 0.2], [0.8, 1]))],
  },
  {
    label: 9,
    style: 'curved-stem',
    strokes: [
      joined(
        arc(0.5, 0.28, 0.34, 0.28, -10, -370),
        bezier([0.84, 0.28], [0.86, 0.7], [0.7, 0.98], [0.3, 0.96]),
      ),
    ],
  },
  {
    label: 9,
    style: 'slanted-stem',
    strokes: [joined(arc(0.55, 0.27, 0.36, 0.27, -15, -375), line([0.9, 0.22], [0.45, 1]))],
  },
  {
    label: 9,
    style: 'stem-apart',
    strokes: [arc(0.45, 0.27, 0.33, 0.27, 0, -365), line([0.8, 0.05], [0.8, 1])],
  },
];
