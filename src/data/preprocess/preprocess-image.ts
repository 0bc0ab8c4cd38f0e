// A raster image of any size (MNIST array, scan, photo) to MNIST form: find the ink, crop, fit the longer side to 20 px, centre of mass to (14, 14).
import { centreOfMass } from './centre-of-mass';
import { extractInk } from './extract-ink';
import type { GrayImage } from './gray-image';
import { cropImage, inkBounds } from './ink-bounds';
import { CENTRE_INDEX, FIT_SIZE, FRAME_SIZE } from './mnist-frame';
import { placeByCentreOfMass } from './place-by-centre-of-mass';
import { resampleImage } from './resample';
import { rgbaToLuminance, type RgbaImage } from './rgba-to-luminance';
import type { PreprocessResult, PreprocessStage } from './stage';

/** `gray` holds luminance or intensity in [0, 1]; either polarity works. Null when there is no ink. */
export function preprocessGrayImage(gray: GrayImage): PreprocessResult | null {
  const extraction = extractInk(gray);
  if (extraction === null) return null;
  const bounds = inkBounds(extraction.ink);
  if (bounds === null) return null;
  const crop = cropImage(extraction.ink, bounds);

  // Area averaging when the crop is larger than 20 px, bilinear when it is smaller: never stretch one side.
  const scale = FIT_SIZE / Math.max(crop.width, crop.height);
  const boxOffsetX = FRAME_SIZE / 2 - (scale * crop.width) / 2;
  const boxOffsetY = FRAME_SIZE / 2 - (scale * crop.height) / 2;
  const render = (offsetX: number, offsetY: number) =>
    resampleImage(crop, FRAME_SIZE, FRAME_SIZE, { scale, offsetX, offsetY });
  const fitted = render(boxOffsetX, boxOffsetY);
  const fittedCom = centreOfMass(fitted);
  if (fittedCom === null) return null;
  const centred = placeByCentreOfMass(
    render,
    boxOffsetX + (CENTRE_INDEX - fittedCom.x),
    boxOffsetY + (CENTRE_INDEX - fittedCom.y),
  );
  if (centred === null) return null;

  const stages: PreprocessStage[] = [
    {
      name: 'ink',
      caption: extraction.inverted
        ? 'Dark ink on light paper: inverted, paper texture cut away'
        : 'Light ink on dark ground: paper texture cut away',
      image: extraction.ink,
    },
    { name: 'crop', caption: 'Cropped to the ink', image: crop },
    { name: 'fit', caption: 'Longer side scaled to 20 px (area averaging)', image: fitted },
    { name: 'centre', caption: 'Shifted so the centre of mass sits at (14, 14)', image: centred.image },
  ];
  return { input: centred.image.data, stages, centreOfMass: centred.centreOfMass };
}

export function preprocessRgbaImage(image: RgbaImage): PreprocessResult | null {
  return preprocessGrayImage(rgbaToLuminance(image));
}
