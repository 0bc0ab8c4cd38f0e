// A deliberately plain float64 MLP (no kernels, no tricks) that tests compare the engine against.
import type { NetworkParams } from '../../src/nn/types';

/** Mean cross-entropy of a batch (rows of `inputs`, k = layerSizes[0] each), all in float64. */
export function referenceLoss(
  W: Float64Array[],
  b: Float64Array[],
  layerSizes: readonly number[],
  inputs: Float64Array,
  labels: ArrayLike<number>,
  rows: number,
): number {
  const layers = layerSizes.length - 1;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let a = Array.from(inputs.subarray(r * layerSizes[0], (r + 1) * layerSizes[0]));
    for (let l = 0; l < layers; l++) {
      const z: number[] = [];
      for (let j = 0; j < layerSizes[l + 1]; j++) {
        let sum = b[l][j];
        for (let i = 0; i < layerSizes[l]; i++) sum += W[l][j * layerSizes[l] + i] * a[i];
        z.push(l < layers - 1 ? Math.max(0, sum) : sum);
      }
      a = z;
    }
    const max = Math.max(...a);
    const logSum = Math.log(a.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
    total += logSum - a[labels[r]];
  }
  return total / rows;
}

export function toFloat64(params: NetworkParams): { W: Float64Array[]; b: Float64Array[] } {
  return { W: params.W.map((w) => Float64Array.from(w)), b: params.b.map((v) => Float64Array.from(v)) };
}

/** Plain triple loop: out (m×n) = A (m×k) · B (k×n), in float64. */
export function naiveMatmul(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
      out[i * n + j] = sum;
    }
  return out;
}

export function naiveTranspose(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
  return out;
}
