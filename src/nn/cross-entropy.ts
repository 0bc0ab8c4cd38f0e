// Categorical cross-entropy and its gradient at the output (softmax − one-hot), averaged over the batch.

/** Probabilities are clipped here before the log, so a confident wrong answer costs ~27.6, never Infinity. */
export const PROBABILITY_FLOOR = 1e-12;

/** Sum over rows of −log(max(p[label], floor)). Callers divide by the row count for the mean. */
export function crossEntropySum(
  probabilities: Float32Array,
  labels: Uint8Array,
  labelOrder: Uint32Array | null,
  labelStart: number,
  rows: number,
  cols: number,
): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const label = labels[labelOrder === null ? labelStart + r : labelOrder[labelStart + r]];
    const p = probabilities[r * cols + label];
    total -= Math.log(p > PROBABILITY_FLOOR ? p : PROBABILITY_FLOOR);
  }
  return total;
}

/**
 * dZ (rows×cols) = (P − Y) / meanOver: the gradient of the batch-mean loss w.r.t. the output logits. meanOver
 * is the whole batch's row count when these rows are one worker's share of it.
 */
export function softmaxCrossEntropyBackward(
  dZ: Float32Array,
  probabilities: Float32Array,
  labels: Uint8Array,
  labelOrder: Uint32Array | null,
  labelStart: number,
  rows: number,
  cols: number,
  meanOver: number = rows,
): void {
  const scale = 1 / meanOver;
  for (let r = 0; r < rows; r++) {
    const label = labels[labelOrder === null ? labelStart + r : labelOrder[labelStart + r]];
    rowDelta(dZ, probabilities, r * cols, cols, label, scale);
  }
}

/** One row of (P − Y) / meanOver; its own function so the row loop is optimised whole (see softmaxRows). */
function rowDelta(
  dZ: Float32Array,
  probabilities: Float32Array,
  o: number,
  cols: number,
  label: number,
  scale: number,
): void {
  for (let c = 0; c < cols; c++) dZ[o + c] = (probabilities[o + c] - (c === label ? 1 : 0)) * scale;
}
