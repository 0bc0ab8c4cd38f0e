// Sparse-times-dense products for the first layer: only non-zero pixels cost work.
import type { SparseRows } from './sparse-rows';

/**
 * out (m×n) = S (m×k, sparse rows) · B (k×n). Eight output columns are accumulated in locals across the
 * row's non-zero entries (each picks a row of B), so every output is written once and only the pixels
 * that are not zero cost work.
 */
export function sparseMatmul(out: Float32Array, s: SparseRows, b: Float32Array, m: number, n: number): void {
  const { rowStart, columns, values } = s;
  for (let i = 0; i < m; i++) {
    const start = rowStart[i];
    const end = rowStart[i + 1];
    const o = i * n;
    let j = 0;
    for (; j + 7 < n; j += 8) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
      for (let t = start; t < end; t++) {
        const v = values[t];
        const c = columns[t] * n + j;
        s0 += v * b[c];
        s1 += v * b[c + 1];
        s2 += v * b[c + 2];
        s3 += v * b[c + 3];
        s4 += v * b[c + 4];
        s5 += v * b[c + 5];
        s6 += v * b[c + 6];
        s7 += v * b[c + 7];
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
      out[o + j + 4] = s4;
      out[o + j + 5] = s5;
      out[o + j + 6] = s6;
      out[o + j + 7] = s7;
    }
    for (; j < n; j++) {
      let sum = 0;
      for (let t = start; t < end; t++) sum += values[t] * b[columns[t] * n + j];
      out[o + j] = sum;
    }
  }
}

/**
 * out (k×n) = Sᵀ · B with S (m×k, sparse rows) and B (m×n): the first layer's weight gradient, transposed.
 * Rows of `out` for columns that are zero in every row of S stay zero and cost nothing.
 */
export function sparseMatmulAtB(
  out: Float32Array,
  s: SparseRows,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  const { rowStart, columns, values } = s;
  out.fill(0, 0, k * n);
  for (let i = 0; i < m; i++) {
    const bi = i * n;
    const end = rowStart[i + 1];
    let t = rowStart[i];
    for (; t + 3 < end; t += 4) {
      const v0 = values[t];
      const v1 = values[t + 1];
      const v2 = values[t + 2];
      const v3 = values[t + 3];
      const o0 = columns[t] * n;
      const o1 = columns[t + 1] * n;
      const o2 = columns[t + 2] * n;
      const o3 = columns[t + 3] * n;
      for (let j = 0; j < n; j++) {
        const y = b[bi + j];
        out[o0 + j] += v0 * y;
        out[o1 + j] += v1 * y;
        out[o2 + j] += v2 * y;
        out[o3 + j] += v3 * y;
      }
    }
    for (; t < end; t++) {
      const v = values[t];
      const o = columns[t] * n;
      for (let j = 0; j < n; j++) out[o + j] += v * b[bi + j];
    }
  }
}
