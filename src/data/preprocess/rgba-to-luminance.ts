// Decoded image pixels (RGBA bytes, as canvas getImageData gives them) to luminance in [0, 1], transparency shown as white paper.
import { createGrayImage, type GrayImage } from './gray-image';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 4 bytes: R, G, B, A. */
  readonly data: Uint8ClampedArray | Uint8Array;
}

export function rgbaToLuminance(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) {
    throw new RangeError(
      `RGBA data has ${data.length} bytes, expected ${width}x${height}x4 = ${width * height * 4}`,
    );
  }
  const gray = createGrayImage(width, height);
  for (let i = 0; i < width * height; i++) {
    const alpha = data[i * 4 + 3] / 255;
    // Rec. 601 luma, the weighting scanners and JPEG use.
    const luma = (0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2]) / 255;
    gray.data[i] = alpha * luma + (1 - alpha);
  }
  return gray;
}
