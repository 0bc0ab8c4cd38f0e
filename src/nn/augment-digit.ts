// Training digits distorted as an Augmentation says: pen width, then an affine map and an elastic field
// resampled together (one bilinear pass), drawn per sample and applied to a batch at a time.
import type { Augmentation } from './augmentation';
import type { ElasticFieldBank } from './elastic-fields';
import type { SeededRandom } from './random';

/** Buffers one digit's distortion reuses, so augmenting a batch allocates nothing. */
export interface AugmentScratch {
  readonly side: number;
  /** The source digit as floats (0–255), after any pen-width change. */
  readonly source: Float32Array;
  readonly strokeScratch: Float32Array;
}

export function createAugmentScratch(side: number): AugmentScratch {
  return { side, source: new Float32Array(side * side), strokeScratch: new Float32Array(side * side) };
}

/**
 * A sampling map: output pixel (x, y) reads the source at matrix · (x − c, y − c) + (c, c) + shift, c the
 * digit's centre. [a, b, c, d, shiftX, shiftY] for the matrix [[a, b], [c, d]].
 */
export type SamplingMap = Float64Array;

/** The sampling map of a rotation (degrees), a scale, a horizontal shear and a shift (pixels). */
export function affineSamplingMap(
  rotationDegrees: number,
  scale: number,
  shear: number,
  shiftX: number,
  shiftY: number,
  out: SamplingMap = new Float64Array(6),
): SamplingMap {
  const angle = (rotationDegrees * Math.PI) / 180;
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  // [[cos, −sin], [sin, cos]] · [[1, shear], [0, 1]]
  out[0] = cos;
  out[1] = cos * shear - sin;
  out[2] = sin;
  out[3] = sin * shear + cos;
  out[4] = shiftX;
  out[5] = shiftY;
  return out;
}

/**
 * Resamples `source` (side², floats) through `map` plus an optional displacement field into `out`, rounded to
 * bytes: output pixel p moves by (alphaX · field[dxAt + p], alphaY · field[dyAt + p]). Outside the source is
 * blank.
 */
export function resampleDigit(
  out: Uint8Array,
  outOffset: number,
  source: Float32Array,
  side: number,
  map: ArrayLike<number>,
  mapOffset: number,
  field: Float32Array | null,
  dxAt: number,
  dyAt: number,
  alphaX: number,
  alphaY: number,
): void {
  const centre = (side - 1) / 2;
  const a = map[mapOffset];
  const b = map[mapOffset + 1];
  const c = map[mapOffset + 2];
  const d = map[mapOffset + 3];
  const shiftX = map[mapOffset + 4];
  const shiftY = map[mapOffset + 5];
  for (let y = 0; y < side; y++) {
    const ry = y - centre;
    for (let x = 0; x < side; x++) {
      const rx = x - centre;
      const p = y * side + x;
      let u = a * rx + b * ry + centre + shiftX;
      let v = c * rx + d * ry + centre + shiftY;
      if (field !== null) {
        u += alphaX * field[dxAt + p];
        v += alphaY * field[dyAt + p];
      }
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      let value = 0;
      if (x0 >= -1 && x0 < side && y0 >= -1 && y0 < side) {
        const top = y0 >= 0;
        const bottom = y0 + 1 < side;
        const left = x0 >= 0;
        const right = x0 + 1 < side;
        const row = y0 * side;
        const v00 = top && left ? source[row + x0] : 0;
        const v01 = top && right ? source[row + x0 + 1] : 0;
        const v10 = bottom && left ? source[row + side + x0] : 0;
        const v11 = bottom && right ? source[row + side + x0 + 1] : 0;
        value = (v00 + (v01 - v00) * fx) * (1 - fy) + (v10 + (v11 - v10) * fx) * fy;
      }
      out[outOffset + p] = value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
    }
  }
}

/**
 * Blends `source` towards its grey-level dilation (blend > 0: a thicker pen) or erosion (blend < 0: a thinner
 * one) by the 4-neighbourhood, in place. The 3×3 square erased MNIST's two-pixel strokes outright.
 */
export function changeStrokeWidth(
  source: Float32Array,
  side: number,
  blend: number,
  scratch: Float32Array,
): void {
  const thicker = blend > 0;
  const weight = Math.abs(blend);
  const at = (x: number, y: number) => (y < 0 || y >= side || x < 0 || x >= side ? 0 : source[y * side + x]);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const centre = source[y * side + x];
      const left = at(x - 1, y);
      const right = at(x + 1, y);
      const up = at(x, y - 1);
      const down = at(x, y + 1);
      scratch[y * side + x] = thicker
        ? Math.max(centre, left, right, up, down)
        : Math.min(centre, left, right, up, down);
    }
  }
  for (let i = 0; i < side * side; i++) source[i] += weight * (scratch[i] - source[i]);
}

const between = (random: SeededRandom, range: number) => (2 * random.nextFloat() - 1) * range;

/**
 * One digit's drawn distortion, DISTORTION_STRIDE float64s: whether it is resampled at all (0: copied
 * unchanged), the pen-width blend (0: none), the sampling map (6), where its displacement field's dx and dy
 * start in the bank's floats (−1: no field), and the field's scales alphaX and alphaY (signed: the bank's
 * fields are flipped at random).
 */
export const DISTORTION_STRIDE = 12;
const RESAMPLE = 0;
const STROKE = 1;
const MAP = 2;
const DX_AT = 8;
const DY_AT = 9;
const ALPHA_X = 10;
const ALPHA_Y = 11;

/**
 * Draws one sample's distortion into distortions[at .. at + DISTORTION_STRIDE). `random` must be seeded for
 * this sample (sampleSeed); `bank` holds the elastic fields for augmentation.elastic.sigma. The draws are made
 * in one fixed order, so the same seed gives the same distortion whatever applies it.
 */
export function drawDistortion(
  distortions: Float64Array,
  at: number,
  augmentation: Augmentation,
  random: SeededRandom,
  bank: ElasticFieldBank | null,
): void {
  const { affine, elastic, strokeWidth } = augmentation;
  const stroke = random.nextFloat() < strokeWidth.probability ? between(random, strokeWidth.strength) : 0;
  const warp = random.nextFloat() < affine.probability;
  const bend = bank !== null && random.nextFloat() < elastic.probability && elastic.alpha > 0;
  distortions[at + RESAMPLE] = stroke !== 0 || warp || bend ? 1 : 0;
  distortions[at + STROKE] = stroke;
  const map = distortions.subarray(at + MAP, at + MAP + 6);
  if (warp) {
    affineSamplingMap(
      between(random, affine.rotationDegrees),
      1 + between(random, affine.scale),
      between(random, affine.shear),
      between(random, affine.translatePixels),
      between(random, affine.translatePixels),
      map,
    );
  } else affineSamplingMap(0, 1, 0, 0, 0, map);
  if (!bend || bank === null) {
    distortions.fill(0, at + DX_AT, at + DISTORTION_STRIDE);
    distortions[at + DX_AT] = -1;
    distortions[at + DY_AT] = -1;
    return;
  }
  const pixels = bank.side * bank.side;
  const field = random.nextInt(bank.count);
  const orientation = random.nextInt(8);
  // The field transposed (dx and dy swapped) and flipped along either axis: eight fields from each.
  const swapAxes = (orientation & 4) !== 0;
  distortions[at + DX_AT] = field * 2 * pixels + (swapAxes ? pixels : 0);
  distortions[at + DY_AT] = field * 2 * pixels + (swapAxes ? 0 : pixels);
  distortions[at + ALPHA_X] = orientation & 1 ? -elastic.alpha : elastic.alpha;
  distortions[at + ALPHA_Y] = orientation & 2 ? -elastic.alpha : elastic.alpha;
}

/**
 * Writes the distorted copies of images order[start + r] (side² bytes each) to out[r · side² ..], r below
 * `count`, as distortions[r · DISTORTION_STRIDE ..] say (drawDistortion); `fields` is their bank's. The
 * TypeScript twin of the WebAssembly kernel (assembly/distort-digits.ts), which gives the same bytes.
 */
export function distortDigits(
  out: Uint8Array,
  images: Uint8Array,
  order: Uint32Array,
  start: number,
  count: number,
  side: number,
  distortions: Float64Array,
  fields: Float32Array | null,
  scratch: AugmentScratch,
): void {
  const { source } = scratch;
  const pixels = side * side;
  for (let r = 0; r < count; r++) {
    const at = r * DISTORTION_STRIDE;
    const inOffset = order[start + r] * pixels;
    if (distortions[at + RESAMPLE] === 0) {
      out.set(images.subarray(inOffset, inOffset + pixels), r * pixels);
      continue;
    }
    for (let i = 0; i < pixels; i++) source[i] = images[inOffset + i];
    const stroke = distortions[at + STROKE];
    if (stroke !== 0) changeStrokeWidth(source, side, stroke, scratch.strokeScratch);
    const dxAt = distortions[at + DX_AT];
    resampleDigit(
      out,
      r * pixels,
      source,
      side,
      distortions,
      at + MAP,
      dxAt < 0 ? null : fields,
      dxAt,
      distortions[at + DY_AT],
      distortions[at + ALPHA_X],
      distortions[at + ALPHA_Y],
    );
  }
}

/** distortDigits by `kernels` when they have it, else by the twin. */
export function distortDigitsWith(
  kernels: { distortDigits?: typeof distortDigits },
  ...args: Parameters<typeof distortDigits>
): void {
  if (kernels.distortDigits) kernels.distortDigits(...args);
  else distortDigits(...args);
}
