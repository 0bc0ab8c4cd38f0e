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
    if (relu) biasReluRow(z, bias, r * cols, cols);
    else biasRow(z, bias, r * cols, cols);
  }
}

// A row per call: loops nested in the loop over rows were compiled alone by Chromium's optimiser and dropped at
// every exit.
function biasReluRow(z: Float32Array, bias: Float32Array, o: number, cols: number): void {
  for (let c = 0; c < cols; c++) {
    const v = z[o + c] + bias[c];
    z[o + c] = v > 0 ? v : 0;
  }
}

function biasRow(z: Float32Array, bias: Float32Array, o: number, cols: number): void {
  for (let c = 0; c < cols; c++) z[o + c] += bias[c];
}
