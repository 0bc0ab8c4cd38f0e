// Adds the bias to every row and, for hidden layers, applies ReLU in the same pass over memory.

/** z (rows×cols) += bias per column; then max(0, ·) when `relu`. In place. */
export function addBiasRelu(
  z: Float32Array,
  bias: Float32Array,
  rows: number,
  cols: number,
  relu: boolean,
): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    if (relu) {
      for (let c = 0; c < cols; c++) {
        const v = z[o + c] + bias[c];
        z[o + c] = v > 0 ? v : 0;
      }
    } else {
      for (let c = 0; c < cols; c++) z[o + c] += bias[c];
    }
  }
}
