// Decodes a PNG/JPEG file in the browser (createImageBitmap + canvas) into RGBA bytes for the pure preprocessing.
import type { RgbaImage } from '../../data/preprocess/rgba-to-luminance';

/** Photos are shrunk to this longer side first: the digit ends up 20 px anyway, and it keeps the pure code fast. */
const MAX_SIDE = 512;

export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

export async function decodeImageFile(file: Blob): Promise<RgbaImage> {
  if (file.type && !/^image\/(png|jpeg|webp|gif|bmp)$/.test(file.type)) {
    throw new ImageDecodeError(
      `“${file.type}” is not an image type this page reads: choose a PNG or JPEG photo.`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (error) {
    throw new ImageDecodeError(
      `The file could not be decoded as an image (${error instanceof Error ? error.message : String(error)}); try a PNG or JPEG.`,
    );
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context)
    throw new ImageDecodeError('This browser cannot draw images to a canvas, so photos cannot be read.');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const pixels = context.getImageData(0, 0, width, height);
  return { width, height, data: pixels.data };
}
