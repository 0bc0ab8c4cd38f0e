// Drawn strokes to MNIST form: crop to the ink, fit the longer side to 20 px with an MNIST-like pen, centre of mass to (14, 14).
import { centreOfMass } from './centre-of-mass';
import { CENTRE_INDEX, FIT_SIZE, FRAME_SIZE } from './mnist-frame';
import { placeByCentreOfMass } from './place-by-centre-of-mass';
import { rasterizeStrokes } from './rasterize-strokes';
import { smoothStroke } from './smooth-stroke';
import type { PreprocessResult } from './stage';
import { strokeBounds, type Stroke } from './strokes';

export interface StrokePreprocessOptions {
  /** Pen diameter in the 28x28 frame; MNIST strokes are about 2-3 px thick. */
  readonly targetPenDiameter?: number;
  /** Pen diameter on the pad, in pad pixels (only for drawing the crop stage as the user saw it). */
  readonly padPenDiameter?: number;
}

export const DEFAULT_TARGET_PEN_DIAMETER = 2.6;
const CROP_DISPLAY_SIZE = 84;

export function preprocessStrokes(
  strokes: readonly Stroke[],
  options: StrokePreprocessOptions = {},
): PreprocessResult | null {
  // A pointer event with no coordinates must not turn the whole image into NaN.
  const smoothed = strokes
    .map((s) => s.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)))
    .filter((s) => s.length > 0)
    .map(smoothStroke);
  const bounds = strokeBounds(smoothed);
  if (bounds === null) return null;
  const pen = options.targetPenDiameter ?? DEFAULT_TARGET_PEN_DIAMETER;
  const boxWidth = bounds.maxX - bounds.minX;
  const boxHeight = bounds.maxY - bounds.minY;
  const extent = Math.max(boxWidth, boxHeight);

  // Crop: the ink as drawn, pen included, scaled for display only.
  const padPen = options.padPenDiameter ?? Math.max(1, extent / 12);
  const cropScale = CROP_DISPLAY_SIZE / (extent + padPen);
  const crop = rasterizeStrokes(smoothed, {
    width: Math.max(1, Math.ceil((boxWidth + padPen) * cropScale)),
    height: Math.max(1, Math.ceil((boxHeight + padPen) * cropScale)),
    transform: {
      scale: cropScale,
      offsetX: (padPen / 2 - bounds.minX) * cropScale,
      offsetY: (padPen / 2 - bounds.minY) * cropScale,
    },
    penDiameter: padPen * cropScale,
    supersample: 2,
  });

  // Fit: one uniform scale so centre line plus pen spans 20 px on the longer side; the short side keeps its ratio.
  const scale = extent > 0 ? (FIT_SIZE - pen) / extent : 1;
  const render = (offsetX: number, offsetY: number) =>
    rasterizeStrokes(smoothed, {
      width: FRAME_SIZE,
      height: FRAME_SIZE,
      transform: { scale, offsetX, offsetY },
      penDiameter: pen,
    });
  const boxOffsetX = FRAME_SIZE / 2 - scale * (bounds.minX + boxWidth / 2);
  const boxOffsetY = FRAME_SIZE / 2 - scale * (bounds.minY + boxHeight / 2);
  const fitted = render(boxOffsetX, boxOffsetY);
  const fittedCom = centreOfMass(fitted);
  if (fittedCom === null) return null;

  const centred = placeByCentreOfMass(
    render,
    boxOffsetX + (CENTRE_INDEX - fittedCom.x),
    boxOffsetY + (CENTRE_INDEX - fittedCom.y),
  );
  if (centred === null) return null;
  return {
    input: centred.image.data,
    centreOfMass: centred.centreOfMass,
    stages: [
      { name: 'crop', caption: 'Cropped to the ink', image: crop },
      { name: 'fit', caption: 'Longer side scaled to 20 px, pen redrawn MNIST-thin', image: fitted },
      { name: 'centre', caption: 'Shifted so the centre of mass sits at (14, 14)', image: centred.image },
    ],
  };
}
