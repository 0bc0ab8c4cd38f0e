// One training digit distorted as an Augmentation says: pen width, then an affine map and an elastic field
// resampled together (one bilinear pass), seeded per sample.
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
 * Resamples `source` (side², floats) through `map` plus an optional displacement field (dx then dy, each
 * side², times `alpha`, components swapped and signs flipped as given) into `out`, rounded to bytes. Outside
 * the source is blank.
 */
export function resampleDigit(
  out: Uint8Array,
  outOffset: number,
  source: Float32Array,
  side: number,
  map: SamplingMap,
  field: Float32Array | null,
  fieldOffset: number,
  alpha: number,
  swapAxes: boolean,
  signX: number,
  signY: number,
): void {
  const centre = (side - 1) / 2;
  const pixels = side * side;
  const [a, b, c, d, shiftX, shiftY] = map;
  const dxAt = fieldOffset + (swapAxes ? pixels : 0);
  const dyAt = fieldOffset + (swapAxes ? 0 : pixels);
  for (let y = 0; y < side; y++) {
    const ry = y - centre;
    for (let x = 0; x < side; x++) {
      const rx = x - centre;
      const p = y * side + x;
      let u = a * rx + b * ry + centre + shiftX;
      let v = c * rx + d * ry + centre + shiftY;
      if (field !== null) {
        u += alpha * signX * field[dxAt + p];
        v += alpha * signY * field[dyAt + p];
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
 * Writes the distorted copy of images[inOffset .. inOffset + side²) to out[outOffset ..]. `random` must be
 * seeded for this sample (sampleSeed); `bank` holds the elastic fields for augmentation.elastic.sigma.
 */
export function augmentDigit(
  out: Uint8Array,
  outOffset: number,
  images: Uint8Array,
  inOffset: number,
  augmentation: Augmentation,
  random: SeededRandom,
  bank: ElasticFieldBank | null,
  scratch: AugmentScratch,
  map: SamplingMap,
): void {
  const { side, source } = scratch;
  const pixels = side * side;
  const { affine, elastic, strokeWidth } = augmentation;
  const stroke = random.nextFloat() < strokeWidth.probability ? between(random, strokeWidth.strength) : 0;
  const warp = random.nextFloat() < affine.probability;
  const bend = bank !== null && random.nextFloat() < elastic.probability && elastic.alpha > 0;
  if (stroke === 0 && !warp && !bend) {
    out.set(images.subarray(inOffset, inOffset + pixels), outOffset);
    return;
  }
  for (let i = 0; i < pixels; i++) source[i] = images[inOffset + i];
  if (stroke !== 0) changeStrokeWidth(source, side, stroke, scratch.strokeScratch);
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
    resampleDigit(out, outOffset, source, side, map, null, 0, 0, false, 1, 1);
    return;
  }
  const field = random.nextInt(bank.count);
  const orientation = random.nextInt(8);
  resampleDigit(
    out,
    outOffset,
    source,
    side,
    map,
    bank.fields,
    field * 2 * pixels,
    elastic.alpha,
    (orientation & 4) !== 0,
    orientation & 1 ? -1 : 1,
    orientation & 2 ? -1 : 1,
  );
}
