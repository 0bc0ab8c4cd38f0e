// Row-wise softmax, stable for any logits: the row maximum is subtracted before exponentiating.

/** out (rows×cols) = softmax of each row of `logits`. `out` may be `logits`. */
export function softmaxRows(out: Float32Array, logits: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (logits[o + c] > max) max = logits[o + c];
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(logits[o + c] - max);
      out[o + c] = e;
      sum += e;
    }
    const inverse = 1 / sum;
    for (let c = 0; c < cols; c++) out[o + c] *= inverse;
  }
}
