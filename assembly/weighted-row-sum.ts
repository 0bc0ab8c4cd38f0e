// The one SIMD inner loop every matrix product here reduces to: an output row as a weighted sum of rows of B.

/**
 * acc + w·x. The relaxed-SIMD build fuses them (one instruction, one rounding): Chromium epochs measured
 * 0.93–0.98 s against 1.04–1.27 s on two workers. Node 20 has no relaxed SIMD and runs the plain build.
 */
function mulAdd(acc: v128, w: v128, x: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(w, x, acc);
  return f32x4.add(acc, f32x4.mul(w, x));
}

/**
 * out[0 .. n) = Σ_t weights[t] · row_t[0 .. n), where row_t starts at byte address rows[t] + offset (the
 * offset picks a column panel of wider rows). Callers list only the non-zero weights, so zeros (blank
 * pixels, ReLU-clipped units) cost nothing. Twenty-four columns at a time sit in six f32x4 accumulators:
 * each output value is stored once, and six independent add chains hide the addition's latency. Not more:
 * V8's TurboFan issues all of an iteration's loads before its arithmetic, so accumulators + loaded vectors +
 * the weight must fit the 16 xmm registers (6 + 6 + 1); eight or ten accumulators spilled to the stack every
 * iteration and ran 20–30% slower (bench/kernel-micro.ts).
 */
export function weightedRowSum(
  out: usize,
  rows: usize,
  weights: usize,
  count: i32,
  n: i32,
  offset: usize,
): void {
  let j: i32 = 0;
  for (; j + 24 <= n; j += 24) {
    const column = ((<usize>j) << 2) + offset;
    let c0 = f32x4.splat(0);
    let c1 = c0;
    let c2 = c0;
    let c3 = c0;
    let c4 = c0;
    let c5 = c0;
    for (let t: i32 = 0; t < count; t++) {
      const entry = (<usize>t) << 2;
      const row = <usize>load<u32>(rows + entry) + column;
      const w = v128.load32_splat(weights + entry);
      c0 = mulAdd(c0, w, v128.load(row));
      c1 = mulAdd(c1, w, v128.load(row, 16));
      c2 = mulAdd(c2, w, v128.load(row, 32));
      c3 = mulAdd(c3, w, v128.load(row, 48));
      c4 = mulAdd(c4, w, v128.load(row, 64));
      c5 = mulAdd(c5, w, v128.load(row, 80));
    }
    const o = out + column;
    v128.store(o, c0);
    v128.store(o, c1, 16);
    v128.store(o, c2, 32);
    v128.store(o, c3, 48);
    v128.store(o, c4, 64);
    v128.store(o, c5, 80);
  }
  // Sixteen at a time too: a conv layer's 16 filters are its whole width (assembly/conv.ts).
  for (; j + 16 <= n; j += 16) {
    const column = ((<usize>j) << 2) + offset;
    let c0 = f32x4.splat(0);
    let c1 = c0;
    let c2 = c0;
    let c3 = c0;
    for (let t: i32 = 0; t < count; t++) {
      const entry = (<usize>t) << 2;
      const row = <usize>load<u32>(rows + entry) + column;
      const w = v128.load32_splat(weights + entry);
      c0 = mulAdd(c0, w, v128.load(row));
      c1 = mulAdd(c1, w, v128.load(row, 16));
      c2 = mulAdd(c2, w, v128.load(row, 32));
      c3 = mulAdd(c3, w, v128.load(row, 48));
    }
    const o = out + column;
    v128.store(o, c0);
    v128.store(o, c1, 16);
    v128.store(o, c2, 32);
    v128.store(o, c3, 48);
  }
  for (; j + 8 <= n; j += 8) {
    const column = ((<usize>j) << 2) + offset;
    let c0 = f32x4.splat(0);
    let c1 = c0;
    for (let t: i32 = 0; t < count; t++) {
      const entry = (<usize>t) << 2;
      const row = <usize>load<u32>(rows + entry) + column;
      const w = v128.load32_splat(weights + entry);
      c0 = mulAdd(c0, w, v128.load(row));
      c1 = mulAdd(c1, w, v128.load(row, 16));
    }
    v128.store(out + column, c0);
    v128.store(out + column, c1, 16);
  }
  for (; j < n; j += 4) {
    if (j + 4 > n) {
      if (n < 4) break;
      // The last n % 4 columns: one vector ending at column n. Its lanes repeat, operation for operation,
      // the sums of the columns it overlaps, so it rewrites them with the same values.
      j = n - 4;
    }
    const column = ((<usize>j) << 2) + offset;
    let c0 = f32x4.splat(0);
    for (let t: i32 = 0; t < count; t++) {
      const entry = (<usize>t) << 2;
      const row = <usize>load<u32>(rows + entry) + column;
      c0 = mulAdd(c0, v128.load32_splat(weights + entry), v128.load(row));
    }
    v128.store(out + column, c0);
  }
  for (; j < n; j++) {
    const column = ((<usize>j) << 2) + offset;
    let sum: f32 = 0;
    for (let t: i32 = 0; t < count; t++) {
      const entry = (<usize>t) << 2;
      sum += load<f32>(weights + entry) * load<f32>(<usize>load<u32>(rows + entry) + column);
    }
    store<f32>(out + column, sum);
  }
}
