// Row-wise softmax, stable for any logits: the row maximum is subtracted before exponentiating.

/**
 * out (rows×cols) = softmax of each row of `logits`. `out` may be `logits`. A row is a function of its own:
 * loops nested in the loop over rows were compiled alone by Chromium's optimiser and dropped at every exit.
 */
export function softmaxRows(out: Float32Array, logits: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) softmaxRow(out, logits, r * cols, cols);
}

function softmaxRow(out: Float32Array, logits: Float32Array, o: number, cols: number): void {
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
