// Renders ink into the 28x28 frame at the offset that puts its centre of mass on (14, 14), refining the offset a few times.
import { centreOfMass, type PointXY } from './centre-of-mass';
import type { GrayImage } from './gray-image';
import { CENTRE_INDEX } from './mnist-frame';

export interface CentredImage {
  readonly image: GrayImage;
  readonly centreOfMass: PointXY;
}

const MAX_REFINEMENTS = 5;
const GOOD_ENOUGH_PX = 0.01;

/**
 * `render(offsetX, offsetY)` draws the ink shifted by a sub-pixel offset. Anti-aliasing makes the centre of mass
 * move almost (not exactly) with the offset, so we measure and correct instead of trusting one estimate.
 */
export function placeByCentreOfMass(
  render: (offsetX: number, offsetY: number) => GrayImage,
  initialOffsetX: number,
  initialOffsetY: number,
): CentredImage | null {
  let offsetX = initialOffsetX;
  let offsetY = initialOffsetY;
  let best: CentredImage | null = null;
  let bestError = Infinity;
  for (let i = 0; i < MAX_REFINEMENTS; i++) {
    const image = render(offsetX, offsetY);
    const com = centreOfMass(image);
    if (com === null) return best;
    const dx = CENTRE_INDEX - com.x;
    const dy = CENTRE_INDEX - com.y;
    const error = Math.hypot(dx, dy);
    if (error < bestError) {
      best = { image, centreOfMass: com };
      bestError = error;
    }
    if (error < GOOD_ENOUGH_PX) break;
    offsetX += dx;
    offsetY += dy;
  }
  return best;
}
