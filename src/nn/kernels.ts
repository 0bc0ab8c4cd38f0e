// The matrix products the engine spends its time in, as an interface: TypeScript here, WebAssembly SIMD later.
import { matmul, matmulAtB } from './matmul';
import { matmulABt } from './matmul-a-bt';
import { sparseMatmul, sparseMatmulAtB } from './sparse-matmul';
import type { SparseRows } from './sparse-rows';
import { transpose } from './transpose';

/**
 * Every function writes its whole result into `out` (the caller owns the buffers) and reads row-major
 * Float32Arrays with the shapes given. An implementation must not keep references between calls.
 */
export interface Kernels {
  /** Name shown to people ("TypeScript", "WebAssembly SIMD"). */
  readonly name: string;
  /** out (m×n) = A (m×k) · B (k×n). */
  matmul(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void;
  /** out (m×n) = A (m×k) · Bᵀ, B stored (n×k). */
  matmulABt(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void;
  /** out (m×n) = Aᵀ · B, A stored (k×m), B (k×n). */
  matmulAtB(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void;
  /** out (m×n) = S · B for sparse rows S (m×k) and B (k×n). */
  sparseMatmul(out: Float32Array, s: SparseRows, b: Float32Array, m: number, n: number): void;
  /** out (k×n) = Sᵀ · B for sparse rows S (m×k) and B (m×n). */
  sparseMatmulAtB(out: Float32Array, s: SparseRows, b: Float32Array, m: number, k: number, n: number): void;
  /** out (cols×rows) = Aᵀ for A (rows×cols): the first layer's weights and gradient change layout every step. */
  transpose(out: Float32Array, a: Float32Array, rows: number, cols: number): void;
  /**
   * A zero-filled buffer these kernels read and write without copying (WebAssembly memory); when present,
   * the Trainer lays its workspace out with it. Absent means ordinary Float32Arrays are as good.
   */
  allocate?(length: number): Float32Array;
}

/** The always-available reference implementation. */
export const typescriptKernels: Kernels = {
  name: 'TypeScript',
  matmul,
  matmulABt,
  matmulAtB,
  sparseMatmul,
  sparseMatmulAtB,
  transpose,
};
