// Scales and shifts an image in one pass: area averaging when shrinking (every source pixel counts by its overlap), bilinear when enlarging.
import { createGrayImage, type GrayImage } from './gray-image';

/** Output x (continuous, pixel edges) = source x * scale + offsetX; likewise for y. Outside the source is 0. */
export interface PlacementTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

interface AxisTap {
  readonly first: number;
  readonly weights: Float64Array;
}

/** How each output pixel along one axis mixes source pixels. */
function axisTaps(sourceLength: number, outputLength: number, scale: number, offset: number): AxisTap[] {
  const taps: AxisTap[] = [];
  for (let o = 0; o < outputLength; o++) {
    if (scale < 1) {
      // The output pixel [o, o+1) sees the source interval [from, to); weight = overlap / interval length.
      const from = (o - offset) / scale;
      const to = (o + 1 - offset) / scale;
      const first = Math.max(0, Math.floor(from));
      const last = Math.min(sourceLength - 1, Math.ceil(to) - 1);
      const weights = new Float64Array(Math.max(0, last - first + 1));
      for (let i = first; i <= last; i++) {
        const overlap = Math.min(i + 1, to) - Math.max(i, from);
        weights[i - first] = overlap > 0 ? overlap * scale : 0;
      }
      taps.push({ first, weights });
    } else {
      // Bilinear: sample the source between pixel centres at the output pixel's centre.
      const u = (o + 0.5 - offset) / scale - 0.5;
      const i0 = Math.floor(u);
      const t = u - i0;
      const weights = new Float64Array([
        i0 >= 0 && i0 < sourceLength ? 1 - t : 0,
        i0 + 1 >= 0 && i0 + 1 < sourceLength ? t : 0,
      ]);
      taps.push({ first: i0, weights });
    }
  }
  return taps;
}

export function resampleImage(
  source: GrayImage,
  outputWidth: number,
  outputHeight: number,
  transform: PlacementTransform,
): GrayImage {
  if (!(transform.scale > 0) || !Number.isFinite(transform.scale)) {
    throw new RangeError(`resample scale must be a positive number, got ${transform.scale}`);
  }
  const xTaps = axisTaps(source.width, outputWidth, transform.scale, transform.offsetX);
  const yTaps = axisTaps(source.height, outputHeight, transform.scale, transform.offsetY);
  // Horizontal pass into (outputWidth x source.height), then vertical pass.
  const rows = new Float64Array(outputWidth * source.height);
  for (let y = 0; y < source.height; y++) {
    const rowStart = y * source.width;
    for (let x = 0; x < outputWidth; x++) {
      const { first, weights } = xTaps[x];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k];
        if (w !== 0) sum += w * source.data[rowStart + first + k];
      }
      rows[y * outputWidth + x] = sum;
    }
  }
  const output = createGrayImage(outputWidth, outputHeight);
  for (let y = 0; y < outputHeight; y++) {
    const { first, weights } = yTaps[y];
    for (let x = 0; x < outputWidth; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k];
        if (w !== 0) sum += w * rows[(first + k) * outputWidth + x];
      }
      output.data[y * outputWidth + x] = Math.min(1, Math.max(0, sum));
    }
  }
  return output;
}
