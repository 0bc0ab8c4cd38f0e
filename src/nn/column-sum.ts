// Sums each column over the rows: the bias gradient db = Σ over the batch of dZ.

/** out (cols) = Σ_r a[r, ·] for a (rows×cols). */
export function columnSum(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
  out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) out[c] += a[o + c];
  }
}
