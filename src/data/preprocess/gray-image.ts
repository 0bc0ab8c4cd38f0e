// A single-channel float image (row-major, values in [0, 1], ink = 1): the currency of the preprocessing stages.

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** width * height values, row by row. */
  readonly data: Float32Array;
}

export function createGrayImage(width: number, height: number, data?: Float32Array): GrayImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive integers, got ${width}x${height}`);
  }
  if (data !== undefined && data.length !== width * height) {
    throw new RangeError(
      `image data has ${data.length} values, expected ${width}x${height} = ${width * height}`,
    );
  }
  return { width, height, data: data ?? new Float32Array(width * height) };
}
