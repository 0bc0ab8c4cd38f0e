// Digit Lab's WebAssembly SIMD matrix products. Every pointer is a byte address in linear memory that the
// TypeScript side chose (src/wasm lays buffers out in one arena); nothing here allocates.
import { listNonZero } from './nonzero-list';
import { weightedRowSum } from './weighted-row-sum';

export {
  addBiasRelu,
  adamUpdate,
  axpy,
  columnSum,
  momentumUpdate,
  momentumUpdateSum,
  reluBackward,
} from './step-kernels';
export { convBackward, convBackwardScratch, convForward, convForwardScratch, maxPoolForward } from './conv';
export { distortDigits, distortDigitsScratch } from './distort-digits';
export { fillSparseRows } from './sparse-rows';
export { transpose, transposeInto } from './transpose';

/** First byte the TypeScript side may use: everything below belongs to the module's own data. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * out (m×n) = A (m×k) · B (k×n), with A(i, p) at a + 4·(i·aRowStride + p·aColStride): strides (k, 1) give
 * A·B and (1, m) give Aᵀ·B from A stored (k×m). Each row of A is first listed as its non-zero entries
 * (listNonZero, into `scratch`, 8·k bytes), then summed by weightedRowSum.
 */
export function matmul(
  out: usize,
  a: usize,
  b: usize,
  m: i32,
  k: i32,
  n: i32,
  aRowStride: i32,
  aColStride: i32,
  scratch: usize,
): void {
  const rows = scratch;
  const weights = scratch + ((<usize>k) << 2);
  const rowBytes = (<usize>n) << 2;
  const colStep = (<usize>aColStride) << 2;
  for (let i: i32 = 0; i < m; i++) {
    const source = a + ((<usize>i * <usize>aRowStride) << 2);
    const count = listNonZero(rows, weights, source, colStep, k, b, rowBytes);
    weightedRowSum(out + <usize>i * rowBytes, rows, weights, count, n, 0);
  }
}

/**
 * Columns per pass of sparseMatmul: 784 rows × 48 floats of B (150 KB) stay in a core's L2 cache, and 48
 * is two passes of weightedRowSum's 24-column block.
 */
const PANEL: i32 = 48;

/**
 * out (m×n) = S · B for S in compressed sparse rows (rowStart: m+1 i32, columns and values per entry) and
 * B (k×n). B (the first layer's 784×200 weights, 627 KB) is wider than L2, so the product runs in column
 * panels, each over the whole batch while its slice of B is cached. Scratch: 4·(non-zero count) bytes.
 */
export function sparseMatmul(
  out: usize,
  rowStart: usize,
  columns: usize,
  values: usize,
  b: usize,
  m: i32,
  n: i32,
  scratch: usize,
): void {
  const rowBytes = (<usize>n) << 2;
  const nonZero = load<i32>(rowStart + ((<usize>m) << 2));
  for (let t: i32 = 0; t < nonZero; t++) {
    const entry = (<usize>t) << 2;
    store<u32>(scratch + entry, <u32>(b + <usize>load<i32>(columns + entry) * rowBytes));
  }
  for (let panel: i32 = 0; panel < n; panel += PANEL) {
    const width = min(PANEL, n - panel);
    const offset = (<usize>panel) << 2;
    for (let i: i32 = 0; i < m; i++) {
      const start = <usize>load<i32>(rowStart + ((<usize>i) << 2));
      const end = load<i32>(rowStart + ((<usize>i + 1) << 2));
      weightedRowSum(
        out + <usize>i * rowBytes,
        scratch + (start << 2),
        values + (start << 2),
        end - <i32>start,
        width,
        offset,
      );
    }
  }
}

/**
 * out (k×n) = Sᵀ · B for S (m×k) in compressed sparse rows and B (m×n): the first layer's weight gradient.
 * S is turned into compressed columns first (a counting sort), so each output row is one weightedRowSum over
 * the samples where that pixel is lit, accumulated in registers instead of scattered into memory. (Column
 * panels of all pixels, to keep a slice of B in L1, measured 20% slower in Node and Chromium: B is 100 KB.)
 * Scratch: 4·(2k + 1) + 8·(non-zero count) bytes.
 */
export function sparseMatmulAtB(
  out: usize,
  rowStart: usize,
  columns: usize,
  values: usize,
  b: usize,
  m: i32,
  k: i32,
  n: i32,
  scratch: usize,
): void {
  const nonZero = load<i32>(rowStart + ((<usize>m) << 2));
  const columnStart = scratch;
  const cursor = columnStart + ((<usize>k + 1) << 2);
  const rows = cursor + ((<usize>k) << 2);
  const weights = rows + ((<usize>nonZero) << 2);
  memory.fill(columnStart, 0, (<usize>k + 1) << 2);
  for (let t: i32 = 0; t < nonZero; t++) {
    const column = <usize>load<i32>(columns + ((<usize>t) << 2));
    const slot = columnStart + ((column + 1) << 2);
    store<i32>(slot, load<i32>(slot) + 1);
  }
  // The cursors are byte addresses of each column's next free slot in `rows`: the scatter below is the
  // hottest loop outside the sums, and few live values keep it in registers.
  let total: i32 = 0;
  for (let c: i32 = 0; c < k; c++) {
    const slot = columnStart + ((<usize>c + 1) << 2);
    store<u32>(cursor + ((<usize>c) << 2), <u32>(rows + ((<usize>total) << 2)));
    total += load<i32>(slot);
    store<i32>(slot, total);
  }
  const rowBytes = (<usize>n) << 2;
  const toWeights = weights - rows;
  const toValues = values - columns;
  for (let i: i32 = 0; i < m; i++) {
    const rowAddress = <u32>(b + <usize>i * rowBytes);
    const stop = columns + ((<usize>load<i32>(rowStart + ((<usize>i + 1) << 2))) << 2);
    for (let e = columns + ((<usize>load<i32>(rowStart + ((<usize>i) << 2))) << 2); e < stop; e += 4) {
      const slot = cursor + ((<usize>load<i32>(e)) << 2);
      const position = <usize>load<u32>(slot);
      store<u32>(slot, <u32>(position + 4));
      store<u32>(position, rowAddress);
      store<f32>(position + toWeights, load<f32>(e + toValues));
    }
  }
  for (let c: i32 = 0; c < k; c++) {
    const first = <usize>load<i32>(columnStart + ((<usize>c) << 2));
    const last = load<i32>(columnStart + ((<usize>c + 1) << 2));
    weightedRowSum(
      out + <usize>c * rowBytes,
      rows + (first << 2),
      weights + (first << 2),
      last - <i32>first,
      n,
      0,
    );
  }
}
