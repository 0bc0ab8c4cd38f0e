// Where the mouse goes to draw a varied digit on the real pad: its strokes in page (CSS) pixels, sampled as a
// mouse reports while a person draws.
import { boundsOf, evenlySpaced, type Path, type Point } from './curves';

/** The pad's box on the page, in CSS pixels (as playwright's boundingBox gives it). */
export interface PadBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Distance between pointer samples as a fraction of the digit's longer side, within [MIN, MAX] CSS px: about
 * 60 samples a second from a hand that draws a large digit quickly and a tiny one slowly.
 */
const SPACING_FRACTION = 0.035;
const MIN_SPACING_CSS = 2;
const MAX_SPACING_CSS = 10;

export function pointerSpacingCss(strokes: readonly Path[], box: PadBox): number {
  const b = boundsOf(strokes);
  const side = Math.max((b.maxX - b.minX) * box.width, (b.maxY - b.minY) * box.height);
  return Math.min(MAX_SPACING_CSS, Math.max(MIN_SPACING_CSS, SPACING_FRACTION * side));
}

/** Each stroke (pad fractions) as the page points the mouse visits between pressing and releasing. */
export function pointerPathOf(strokes: readonly Path[], box: PadBox): Point[][] {
  const spacing = pointerSpacingCss(strokes, box);
  return strokes.map((stroke) =>
    evenlySpaced(
      stroke.map(([x, y]): Point => [box.x + x * box.width, box.y + y * box.height]),
      spacing,
    ),
  );
}
