// Lists a row of A as its non-zero entries (row address of B, weight) for weightedRowSum, four at a time.

/**
 * For each 4-bit mask of non-zero lanes, the byte shuffle that packs those lanes to the front (255: a lane
 * left zero, overwritten by the next group).
 */
const PACK: usize = memory.data<u8>([
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 4, 5, 6, 7, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 255, 255, 255, 255, 255, 255, 255, 255, 8, 9, 10, 11, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 8, 9, 10, 11, 255, 255, 255, 255, 255, 255, 255, 255, 4,
  5, 6, 7, 8, 9, 10, 11, 255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255,
  255, 255, 255, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 12,
  13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 4, 5, 6, 7, 12, 13, 14, 15, 255, 255, 255, 255, 255,
  255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 255, 255, 255, 255, 8, 9, 10, 11, 12, 13, 14, 15,
  255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 4, 5,
  6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  15,
]);

/** Appends the non-zero lanes of x, with the matching lanes of `addresses`, at entry `count`; the new count. */
function appendNonZero(x: v128, addresses: v128, rows: usize, weights: usize, count: i32): i32 {
  const lanes = i32x4.bitmask(f32x4.ne(x, f32x4.splat(0)));
  const order = v128.load(PACK + ((<usize>lanes) << 4));
  const entry = (<usize>count) << 2;
  v128.store(weights + entry, i8x16.swizzle(x, order));
  v128.store(rows + entry, i8x16.swizzle(addresses, order));
  return count + <i32>popcnt(lanes);
}

/**
 * Writes the entries p with A(i, p) = x_p ≠ 0, p ascending, as rows[] = b + p·rowBytes and weights[] = x_p;
 * x_p is at source + p·colStep. Returns their count. Four values per step: a lane mask picks a shuffle that
 * packs the non-zero ones (as the scalar loop `x != 0` would: −0 dropped, NaN kept), so no branch depends on
 * the data. A group's 16-byte stores end by entry p + 4 ≤ k, so they stay inside the k entries of each list.
 */
export function listNonZero(
  rows: usize,
  weights: usize,
  source: usize,
  colStep: usize,
  k: i32,
  b: usize,
  rowBytes: usize,
): i32 {
  let count: i32 = 0;
  let addresses = i32x4(0, 1, 2, 3);
  addresses = i32x4.add(i32x4.mul(addresses, i32x4.splat(<i32>rowBytes)), i32x4.splat(<i32>b));
  const step = i32x4.splat(<i32>(rowBytes << 2));
  let p: i32 = 0;
  if (colStep == 4) {
    for (; p + 4 <= k; p += 4) {
      count = appendNonZero(v128.load(source), addresses, rows, weights, count);
      addresses = i32x4.add(addresses, step);
      source += 16;
    }
  } else {
    for (; p + 4 <= k; p += 4) {
      let x = v128.load32_zero(source);
      x = f32x4.replace_lane(x, 1, load<f32>(source + colStep));
      x = f32x4.replace_lane(x, 2, load<f32>(source + colStep * 2));
      x = f32x4.replace_lane(x, 3, load<f32>(source + colStep * 3));
      count = appendNonZero(x, addresses, rows, weights, count);
      addresses = i32x4.add(addresses, step);
      source += colStep << 2;
    }
  }
  for (; p < k; p++) {
    const x = load<f32>(source);
    const entry = (<usize>count) << 2;
    store<u32>(rows + entry, <u32>(b + <usize>p * rowBytes));
    store<f32>(weights + entry, x);
    count += i32(x != 0);
    source += colStep;
  }
  return count;
}
