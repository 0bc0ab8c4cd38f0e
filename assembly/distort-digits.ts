// Distorted copies of a batch of training digits, two pixels per step: the twin of distortDigits in
// src/nn/augment-digit.ts, byte for byte (the same float64 operations in the same order, no fused multiply-add).

/** Float64s per row of `distortions` (DISTORTION_STRIDE in augment-digit.ts) and where each value sits. */
const STRIDE: usize = 12;
const RESAMPLE: usize = 0;
const STROKE: usize = 1;
const MAP: usize = 2;
const DX_AT: usize = 8;
const DY_AT: usize = 9;
const ALPHA_X: usize = 10;
const ALPHA_Y: usize = 11;

/**
 * Scratch bytes distortDigits needs for side×side digits: two float32 images with a blank one-pixel border and
 * two float64 values a column.
 */
export function distortDigitsScratch(side: i32): i32 {
  return 2 * (side + 2) * (side + 2) * 4 + 2 * side * 8;
}

/**
 * Writes `count` distorted digits (side² bytes each) to `out` from the digits at `images` (side² bytes each,
 * one after another), as the rows of `distortions` (float64, STRIDE each) say; `fields` is the elastic bank's
 * first float (unused when no row has a field). The source is kept with a blank border, so the bilinear reads
 * beyond the digit find zeros, as the twin's bounds tests give, without a branch.
 */
export function distortDigits(
  out: usize,
  images: usize,
  count: i32,
  side: i32,
  distortions: usize,
  fields: usize,
  scratch: usize,
): void {
  const padded = side + 2;
  const paddedBytes = (<usize>(padded * padded)) << 2;
  const source = scratch;
  const extreme = scratch + paddedBytes;
  memory.fill(scratch, 0, paddedBytes << 1);
  const pixels = <usize>(side * side);
  for (let r: i32 = 0; r < count; r++) {
    const row = distortions + ((<usize>r * STRIDE) << 3);
    const image = images + <usize>r * pixels;
    const target = out + <usize>r * pixels;
    if (load<f64>(row + (RESAMPLE << 3)) == 0) {
      memory.copy(target, image, pixels);
      continue;
    }
    loadDigit(source, image, side);
    const stroke = load<f64>(row + (STROKE << 3));
    if (stroke != 0) changeStrokeWidth(source, extreme, side, stroke);
    // A thicker pen inks the 4-neighbours of the ink; a thinner one inks nothing new.
    const ink = stroke > 0 ? grownBox(inkBox(image, side), side) : inkBox(image, side);
    resample(target, source, side, row, fields, ink, scratch + (paddedBytes << 1));
  }
}

/**
 * The rows and columns that hold ink, as an i32x4 (first column, last column, first row, last row); first >
 * last when the digit is blank. Sides of 16 to 32 pixels take two 16-byte compares a row; others are taken
 * whole, which is always safe.
 */
function inkBox(image: usize, side: i32): v128 {
  if (side < 16 || side > 32) return i32x4(0, side - 1, 0, side - 1);
  const zero = i8x16.splat(0);
  const shift = <u32>(side - 16);
  let columns: u32 = 0;
  let firstRow: i32 = side;
  let lastRow: i32 = -1;
  for (let y: i32 = 0; y < side; y++) {
    const line = image + <usize>(y * side);
    const left = <u32>i8x16.bitmask(i8x16.ne(v128.load(line), zero));
    const right = <u32>i8x16.bitmask(i8x16.ne(v128.load(line + <usize>(side - 16)), zero));
    const lit = left | (right << shift);
    if (lit != 0) {
      columns |= lit;
      if (firstRow == side) firstRow = y;
      lastRow = y;
    }
  }
  if (columns == 0) return i32x4(side, -1, side, -1);
  return i32x4(<i32>ctz(columns), 31 - <i32>clz(columns), firstRow, lastRow);
}

/** The box one pixel larger on every side, inside the digit. */
function grownBox(box: v128, side: i32): v128 {
  const grown = i32x4.add(box, i32x4(-1, 1, -1, 1));
  return i32x4.min_s(i32x4.max_s(grown, i32x4.splat(0)), i32x4.splat(side - 1));
}

/** The digit's bytes as float32 inside the blank border. */
function loadDigit(source: usize, image: usize, side: i32): void {
  const padded = side + 2;
  for (let y: i32 = 0; y < side; y++) {
    const from = image + <usize>(y * side);
    const to = source + ((<usize>((y + 1) * padded + 1)) << 2);
    let x: i32 = 0;
    for (; x + 4 <= side; x += 4) {
      const bytes = v128.load32_zero(from + <usize>x);
      const ints = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(bytes));
      v128.store(to + ((<usize>x) << 2), f32x4.convert_i32x4_u(ints));
    }
    for (; x < side; x++) store<f32>(to + ((<usize>x) << 2), <f32>load<u8>(from + <usize>x));
  }
}

/**
 * changeStrokeWidth: `extreme` gets the 4-neighbourhood's max (blend > 0) or min (blend < 0), then the source
 * moves towards it by |blend|, in float64 and rounded to float32 as the twin's Float32Array store does.
 */
function changeStrokeWidth(source: usize, extreme: usize, side: i32, blend: f64): void {
  const padded = side + 2;
  const down = (<usize>padded) << 2;
  const thicker = blend > 0;
  const weight = f64x2.splat(abs(blend));
  for (let y: i32 = 0; y < side; y++) {
    const first = (<usize>((y + 1) * padded + 1)) << 2;
    let x: i32 = 0;
    // Whole vectors only: one reaching past the digit would write the border, which must stay blank.
    for (; x + 4 <= side; x += 4) {
      const at = first + ((<usize>x) << 2);
      const centre = v128.load(source + at);
      const left = v128.load(source + at - 4);
      const right = v128.load(source + at + 4);
      const up = v128.load(source + at - down);
      const below = v128.load(source + at + down);
      const value = thicker
        ? f32x4.max(f32x4.max(f32x4.max(centre, left), f32x4.max(right, up)), below)
        : f32x4.min(f32x4.min(f32x4.min(centre, left), f32x4.min(right, up)), below);
      v128.store(extreme + at, value);
    }
    for (; x < side; x++) {
      const at = first + ((<usize>x) << 2);
      const centre = load<f32>(source + at);
      const left = load<f32>(source + at - 4);
      const right = load<f32>(source + at + 4);
      const up = load<f32>(source + at - down);
      const below = load<f32>(source + at + down);
      const value = thicker
        ? max(max(max(centre, left), max(right, up)), below)
        : min(min(min(centre, left), min(right, up)), below);
      store<f32>(extreme + at, value);
    }
  }
  for (let y: i32 = 0; y < side; y++) {
    const first = (<usize>((y + 1) * padded + 1)) << 2;
    let x: i32 = 0;
    for (; x + 2 <= side; x += 2) {
      const at = first + ((<usize>x) << 2);
      const s = f64x2.promote_low_f32x4(v128.load64_zero(source + at));
      const e = f64x2.promote_low_f32x4(v128.load64_zero(extreme + at));
      const moved = f64x2.add(s, f64x2.mul(weight, f64x2.sub(e, s)));
      v128.store64_lane(source + at, f32x4.demote_f64x2_zero(moved), 0);
    }
    if (x < side) {
      const at = first + ((<usize>x) << 2);
      const s = <f64>load<f32>(source + at);
      store<f32>(source + at, <f32>(s + abs(blend) * (<f64>load<f32>(extreme + at) - s)));
    }
  }
}

/**
 * resampleDigit for one row of `distortions`: output pixel (x, y) reads the source bilinearly at the sampling
 * map's point plus the field's displacement, rounded as Math.round rounds (halves up) and clamped to a byte.
 */
function resample(
  target: usize,
  source: usize,
  side: i32,
  row: usize,
  fields: usize,
  ink: v128,
  columnTerms: usize,
): void {
  const padded = side + 2;
  const centre = (<f64>side - 1) / 2;
  const b = load<f64>(row + ((MAP + 1) << 3));
  const d = load<f64>(row + ((MAP + 3) << 3));
  const shiftX = f64x2.splat(load<f64>(row + ((MAP + 4) << 3)));
  const shiftY = f64x2.splat(load<f64>(row + ((MAP + 5) << 3)));
  const dxAt = load<f64>(row + (DX_AT << 3));
  const hasField = dxAt >= 0;
  const dx = hasField ? fields + ((<usize>dxAt) << 2) : 0;
  const dy = hasField ? fields + ((<usize>load<f64>(row + (DY_AT << 3))) << 2) : 0;
  const alphaX = f64x2.splat(load<f64>(row + (ALPHA_X << 3)));
  const alphaY = f64x2.splat(load<f64>(row + (ALPHA_Y << 3)));
  const centres = f64x2.splat(centre);
  // a·rx and c·rx of every column, the same products the twin makes for each pixel, made once.
  const aTerms = columnTerms;
  const cTerms = columnTerms + ((<usize>side) << 3);
  const a = load<f64>(row + ((MAP + 0) << 3));
  const c = load<f64>(row + ((MAP + 2) << 3));
  for (let x: i32 = 0; x < side; x++) {
    const rx = <f64>x - centre;
    store<f64>(aTerms + ((<usize>x) << 3), a * rx);
    store<f64>(cTerms + ((<usize>x) << 3), c * rx);
  }
  // Points whose neighbours may hold ink: x0 in [first column − 1, last column], likewise y0.
  const left = f64x2.splat(<f64>i32x4.extract_lane(ink, 0) - 1);
  const right = f64x2.splat(<f64>i32x4.extract_lane(ink, 1));
  const top = f64x2.splat(<f64>i32x4.extract_lane(ink, 2) - 1);
  const bottom = f64x2.splat(<f64>i32x4.extract_lane(ink, 3));
  for (let y: i32 = 0; y < side; y++) {
    const ry = <f64>y - centre;
    const bry = f64x2.splat(b * ry);
    const dry = f64x2.splat(d * ry);
    for (let x: i32 = 0; x < side; x += 2) {
      const p = <usize>(y * side + x);
      const column = (<usize>x) << 3;
      // An odd side's last pixel fills both lanes, and one byte is stored.
      const pair = x + 1 < side;
      let u = pair ? v128.load(aTerms + column) : v128.load64_splat(aTerms + column);
      let v = pair ? v128.load(cTerms + column) : v128.load64_splat(cTerms + column);
      u = f64x2.add(f64x2.add(f64x2.add(u, bry), centres), shiftX);
      v = f64x2.add(f64x2.add(f64x2.add(v, dry), centres), shiftY);
      if (hasField) {
        const fx = pair ? v128.load64_zero(dx + (p << 2)) : v128.load32_splat(dx + (p << 2));
        const fy = pair ? v128.load64_zero(dy + (p << 2)) : v128.load32_splat(dy + (p << 2));
        u = f64x2.add(u, f64x2.mul(alphaX, f64x2.promote_low_f32x4(fx)));
        v = f64x2.add(v, f64x2.mul(alphaY, f64x2.promote_low_f32x4(fy)));
      }
      const bytes = bilinearBytes(source, padded, side, u, v, left, right, top, bottom);
      if (pair) v128.store16_lane(target + p, bytes, 0);
      else v128.store8_lane(target + p, bytes, 0);
    }
  }
}

/**
 * The two pixels at (u, v) as bytes in the low two lanes. A point whose four neighbours all lie outside the
 * ink box reads only blanks and is 0, as the twin's arithmetic gives; a pair of such points (most of a
 * digit's surroundings) skips the reads and the arithmetic.
 */
function bilinearBytes(
  source: usize,
  padded: i32,
  side: i32,
  u: v128,
  v: v128,
  inkLeft: v128,
  inkRight: v128,
  inkTop: v128,
  inkBottom: v128,
): v128 {
  const x0 = f64x2.floor(u);
  const y0 = f64x2.floor(v);
  const inside = v128.and(
    v128.and(f64x2.ge(x0, inkLeft), f64x2.le(x0, inkRight)),
    v128.and(f64x2.ge(y0, inkTop), f64x2.le(y0, inkBottom)),
  );
  if (!v128.any_true(inside)) return i8x16.splat(0);
  const fx = f64x2.sub(u, x0);
  const fy = f64x2.sub(v, y0);
  const low = f64x2.splat(-1);
  // Points off the digit read a clamped place and are blanked after: a branch-free gather.
  const highest = f64x2.splat(<f64>side - 1);
  const column = i32x4.trunc_sat_f64x2_s_zero(f64x2.pmin(f64x2.pmax(x0, low), highest));
  const line = i32x4.trunc_sat_f64x2_s_zero(f64x2.pmin(f64x2.pmax(y0, low), highest));
  const index = i32x4.add(i32x4.mul(i32x4.add(line, i32x4.splat(1)), i32x4.splat(padded)), column);
  const at0 = source + ((<usize>(i32x4.extract_lane(index, 0) + 1)) << 2);
  const at1 = source + ((<usize>(i32x4.extract_lane(index, 1) + 1)) << 2);
  const down = (<usize>padded) << 2;
  // Each load takes a point's left and right neighbours; the shuffles put the two points side by side.
  const top = v128.load64_lane(at1, v128.load64_zero(at0), 1);
  const bottom = v128.load64_lane(at1 + down, v128.load64_zero(at0 + down), 1);
  const v00 = f64x2.promote_low_f32x4(v128.shuffle<f32>(top, top, 0, 2, 0, 2));
  const v01 = f64x2.promote_low_f32x4(v128.shuffle<f32>(top, top, 1, 3, 1, 3));
  const v10 = f64x2.promote_low_f32x4(v128.shuffle<f32>(bottom, bottom, 0, 2, 0, 2));
  const v11 = f64x2.promote_low_f32x4(v128.shuffle<f32>(bottom, bottom, 1, 3, 1, 3));
  const one = f64x2.splat(1);
  const upper = f64x2.add(v00, f64x2.mul(f64x2.sub(v01, v00), fx));
  const lower = f64x2.add(v10, f64x2.mul(f64x2.sub(v11, v10), fx));
  let value = f64x2.add(f64x2.mul(upper, f64x2.sub(one, fy)), f64x2.mul(lower, fy));
  value = v128.and(value, inside);
  value = f64x2.pmin(f64x2.pmax(value, f64x2.splat(0)), f64x2.splat(255));
  // Math.round: the floor, plus one when the fraction (exact: value − floor(value)) is at least a half.
  const floor = f64x2.floor(value);
  const up = v128.and(f64x2.ge(f64x2.sub(value, floor), f64x2.splat(0.5)), one);
  const ints = i32x4.trunc_sat_f64x2_s_zero(f64x2.add(floor, up));
  return i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(ints, ints), ints);
}
