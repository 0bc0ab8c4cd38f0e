// Intensity-weighted centre of mass in pixel-index coordinates (MNIST's convention: the mean test digit sits at (14, 14)).
import type { GrayImage } from './gray-image';

export interface PointXY {
  readonly x: number;
  readonly y: number;
}

/** Returns null for an image without ink. */
export function centreOfMass(image: GrayImage): PointXY | null {
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      mass += v;
      sumX += v * x;
      sumY += v * y;
    }
  }
  return mass > 0 ? { x: sumX / mass, y: sumY / mass } : null;
}
