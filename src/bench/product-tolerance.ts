// Random operands for comparing matrix-product kernels, and the rounding each output may differ by: the
// browser's kernel check (kernel-agreement.ts) and the Node kernel tests use the same measure.
import type { SeededRandom } from '../nn/random';

/** Values in [−1, 1), each zero with probability `zeroFraction` (blank pixels, ReLUs that are off). */
export function randomMatrix(random: SeededRandom, length: number, zeroFraction: number): Float32Array {
  return Float32Array.from({ length }, () =>
    random.nextFloat() < zeroFraction ? 0 : random.nextFloat() * 2 - 1,
  );
}

/**
 * Σ_p |A(i,p)|·|B(p,j)| for A (m×k), B (k×n), both row-major. Float32 sums in a different order differ by
 * rounding relative to the size of the terms, not of the (possibly cancelled) result: 1e-5 of this.
 */
export function magnitude(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++)
      for (let j = 0; j < n; j++) out[i * n + j] += Math.abs(a[i * k + p] * b[p * n + j]);
  return out;
}
