// The kernels a training step spends its time in, as an interface: TypeScript here, WebAssembly SIMD in src/wasm.
import { distortDigits } from './augment-digit';
import { addBiasRelu } from './bias-relu';
import { columnSum } from './column-sum';
import type { Conv2dBackward, Conv2dForward } from './conv2d';
import type { poolForward } from './max-pool';
import { matmul, matmulAtB } from './matmul';
import { matmulABt } from './matmul-a-bt';
import { adamUpdate, axpy, momentumUpdate, momentumUpdateSum } from './optimizer-updates';
import { reluBackward } from './relu-backward';
import { sparseMatmul, sparseMatmulAtB } from './sparse-matmul';
import { fillSparseRows, type SparseRows } from './sparse-rows';
import { transpose, transposeInto } from './transpose';

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
  /** allocate() for integers: the sparse rows' indices, so the sparse kernels read them in place too. */
  allocateInt32?(length: number): Int32Array;

  // The rest of a step, optional: callers use the TypeScript twin (named alike in src/nn) when one is absent.
  // In-place operands: an implementation may fall back to the twin when they are not its own buffers.
  /** z (rows×cols) += bias per column, then max(0, ·) when `relu`. */
  addBiasRelu?: typeof addBiasRelu;
  /** grad *= (activation > 0) over `length` values. */
  reluBackward?: typeof reluBackward;
  /** out (cols) = Σ over rows of a (rows×cols): bias gradients. */
  columnSum?: typeof columnSum;
  /** y += a·x over n values: SGD and L2. */
  axpy?: typeof axpy;
  /** v = β·v + s·g; w −= α·v: both momenta. */
  momentumUpdate?: typeof momentumUpdate;
  /** momentumUpdate of the sum of two gradients, in one pass (a two-worker run's update). */
  momentumUpdateSum?: typeof momentumUpdateSum;
  /** Adam with its bias corrections folded into α and ε. */
  adamUpdate?: typeof adamUpdate;
  /** out[c·outStride + r] = A[r][c] for A (rows×cols): a block of the first layer back into people's layout. */
  transposeInto?: typeof transposeInto;
  /** A batch of images as sparse rows (the twin in sparse-rows.ts); `rows` from createSparseRows. */
  fillSparseRows?: typeof fillSparseRows;
  /** A conv layer's whole forward pass over a batch (the twin: im2colConv2dForward in conv2d.ts). */
  conv2dForward?: Conv2dForward;
  /** A conv layer's whole backward pass over a batch (the twin: im2colConv2dBackward in conv2d.ts). */
  conv2dBackward?: Conv2dBackward;
  /** Max-pooling's forward pass over a batch (the twin: poolForward in max-pool.ts). */
  maxPoolForward?: typeof poolForward;
  /**
   * A batch of training digits distorted as drawn (the twin in augment-digit.ts), to the same bytes: an
   * augmented image must not depend on the worker that made it. Elastic fields outside the kernels' own
   * memory may send a call to the twin.
   */
  distortDigits?: typeof distortDigits;
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
  addBiasRelu,
  reluBackward,
  columnSum,
  axpy,
  momentumUpdate,
  momentumUpdateSum,
  adamUpdate,
  transposeInto,
  fillSparseRows,
  distortDigits,
};
