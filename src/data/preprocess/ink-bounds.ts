// The smallest pixel box that holds every value above a threshold (MNIST's 20 px fit is of the non-zero box).
import type { GrayImage } from './gray-image';

/** Inclusive pixel bounds. */
export interface PixelBounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function inkBounds(image: GrayImage, threshold = 0): PixelBounds | null {
  const { width, height, data } = image;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right, bottom };
}

export function cropImage(image: GrayImage, bounds: PixelBounds): GrayImage {
  const width = bounds.right - bounds.left + 1;
  const height = bounds.bottom - bounds.top + 1;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (bounds.top + y) * image.width + bounds.left;
    data.set(image.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}
