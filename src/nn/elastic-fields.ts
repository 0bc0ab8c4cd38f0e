// A bank of smoothed random displacement fields for elastic distortion, made once per sigma and drawn at random.
import { SeededRandom } from './random';

/**
 * `count` fields for side×side digits, each dx then dy (2·side² floats): uniform(−1, 1) noise smoothed by a
 * Gaussian of `sigma` pixels, not yet scaled by alpha. Smoothing a field per sample costs 25 multiply-adds a
 * pixel per axis at sigma 4, more than the rest of the distortion; a bank drawn at random, flipped and
 * transposed, gives as many different fields as training needs.
 */
export interface ElasticFieldBank {
  readonly side: number;
  readonly count: number;
  readonly sigma: number;
  readonly fields: Float32Array;
}

/** The banks are fixed by their shape (a fixed seed), so every worker builds the same one. */
const BANK_SEED = 0x5eed;

/** Fields in a bank unless asked otherwise. */
export const ELASTIC_FIELD_COUNT = 256;

/** Floats a bank of `count` fields for side×side digits holds. */
export function elasticBankFloats(side: number, count = ELASTIC_FIELD_COUNT): number {
  return count * 2 * side * side;
}

/** `allocate` (Kernels.allocate) places the fields where the kernels that read them want them. */
export function createElasticFieldBank(
  side: number,
  sigma: number,
  count = ELASTIC_FIELD_COUNT,
  allocate: (length: number) => Float32Array = (length) => new Float32Array(length),
): ElasticFieldBank {
  const pixels = side * side;
  const fields = allocate(elasticBankFloats(side, count));
  const random = new SeededRandom(BANK_SEED ^ Math.round(sigma * 1000));
  const kernel = gaussianKernel(sigma);
  const noise = new Float32Array(pixels);
  const rowsDone = new Float32Array(pixels);
  for (let f = 0; f < 2 * count; f++) {
    for (let i = 0; i < pixels; i++) noise[i] = 2 * random.nextFloat() - 1;
    smoothInto(fields.subarray(f * pixels, (f + 1) * pixels), noise, rowsDone, side, kernel);
  }
  return { side, count, sigma, fields };
}

/** Normalised weights of a Gaussian out to three standard deviations. */
export function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  return kernel;
}

/** Separable Gaussian smoothing with zeros beyond the border, as scipy's gaussian_filter(mode='constant'). */
function smoothInto(
  out: Float32Array,
  field: Float32Array,
  scratch: Float32Array,
  side: number,
  kernel: Float32Array,
): void {
  smoothAlong(scratch, field, side, kernel, 1);
  smoothAlong(out, scratch, side, kernel, side);
}

/** One pass of the kernel along rows (stride 1) or columns (stride side). */
function smoothAlong(
  out: Float32Array,
  input: Float32Array,
  side: number,
  kernel: Float32Array,
  stride: number,
): void {
  const radius = (kernel.length - 1) >> 1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const along = stride === 1 ? x : y;
      let sum = 0;
      for (let k = -radius; k <= radius; k++) {
        const at = along + k;
        if (at >= 0 && at < side) sum += kernel[k + radius] * input[y * side + x + k * stride];
      }
      out[y * side + x] = sum;
    }
  }
}
