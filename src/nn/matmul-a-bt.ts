// Dense product A·Bᵀ: the forward pass Z = A_prev · Wᵀ, as register-tiled dot products of contiguous rows.

/**
 * out (m×n) = A (m×k) · Bᵀ with B stored (n×k). Both operands are read along their rows; a 2×4 tile of
 * outputs is accumulated in locals, so each loaded value feeds two or four products.
 */
export function matmulABt(
  out: Float32Array,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = i * k;
    const a1 = a0 + k;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0;
      let s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const y0 = b[b0 + p];
        const y1 = b[b1 + p];
        const y2 = b[b2 + p];
        const y3 = b[b3 + p];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      const o0 = i * n + j;
      const o1 = o0 + n;
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o0 + 3] = s03;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o1 + 3] = s13;
    }
    for (; j < n; j++) {
      const bj = j * k;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const y = b[bj + p];
        s0 += a[a0 + p] * y;
        s1 += a[a1 + p] * y;
      }
      out[i * n + j] = s0;
      out[(i + 1) * n + j] = s1;
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[a0 + p] * b[bj + p];
      out[i * n + j] = s;
    }
  }
}
