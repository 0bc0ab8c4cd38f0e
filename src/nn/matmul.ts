// Dense products A·B and Aᵀ·B: one register-tiled kernel, the transpose taken by swapping A's strides.

/**
 * out (m×n) = A (m×k) · B (k×n), where A(i, p) = a[i * aRowStride + p * aColStride].
 * Each output row is built as a sum of scaled rows of B, so the inner loop runs over contiguous memory;
 * two output rows and four rows of B are handled together, so each loaded B value feeds two products
 * and each output value is read and written once per four rows of B.
 */
export function matmulImpl(
  out: Float32Array,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  aRowStride: number,
  aColStride: number,
): void {
  out.fill(0, 0, m * n);
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const o0 = i * n;
    const o1 = o0 + n;
    const a0 = i * aRowStride;
    const a1 = a0 + aRowStride;
    let p = 0;
    for (; p < k4; p += 4) {
      const c0 = p * aColStride;
      const c1 = c0 + aColStride;
      const c2 = c1 + aColStride;
      const c3 = c2 + aColStride;
      const x00 = a[a0 + c0],
        x01 = a[a0 + c1],
        x02 = a[a0 + c2],
        x03 = a[a0 + c3];
      const x10 = a[a1 + c0],
        x11 = a[a1 + c1],
        x12 = a[a1 + c2],
        x13 = a[a1 + c3];
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const y0 = b[b0 + j];
        const y1 = b[b1 + j];
        const y2 = b[b2 + j];
        const y3 = b[b3 + j];
        out[o0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
        out[o1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
      }
    }
    for (; p < k; p++) {
      const x0 = a[a0 + p * aColStride];
      const x1 = a[a1 + p * aColStride];
      const bp = p * n;
      for (let j = 0; j < n; j++) {
        const y = b[bp + j];
        out[o0 + j] += x0 * y;
        out[o1 + j] += x1 * y;
      }
    }
  }
  for (; i < m; i++) {
    const o0 = i * n;
    const a0 = i * aRowStride;
    for (let p = 0; p < k; p++) {
      const x0 = a[a0 + p * aColStride];
      if (x0 === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[o0 + j] += x0 * b[bp + j];
    }
  }
}

/** out (m×n) = A (m×k) · B (k×n). */
export function matmul(
  out: Float32Array,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  matmulImpl(out, a, b, m, k, n, k, 1);
}

/** out (m×n) = Aᵀ · B with A stored (k×m) and B (k×n): the weight gradient dW = dZᵀ · A_prev. */
export function matmulAtB(
  out: Float32Array,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  matmulImpl(out, a, b, m, k, n, 1, m);
}
