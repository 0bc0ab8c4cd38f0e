// How far the browser's WebAssembly kernels (the relaxed-SIMD build where it loads) are from the TypeScript
// ones on random products, measured in this page: the browser tests read it through window.__digitLabBench.
import { typescriptKernels, type Kernels } from '../nn/kernels';
import { SeededRandom } from '../nn/random';
import { createSparseRows, fillSparseRowsFromDense } from '../nn/sparse-rows';
import { loadWasmKernelsBrowser } from '../wasm/load-kernels-browser';
import { magnitude, randomMatrix } from './product-tolerance';

export interface KernelAgreement {
  /** Largest |wasm − TypeScript| over 1e-5·Σ|a||b| of the same output: at most 1 means within tolerance. */
  readonly worstRatioToTolerance: number;
  readonly products: number;
}

function transposed(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  typescriptKernels.transpose(out, a, rows, cols);
  return out;
}

function worst(actual: Float32Array, expected: Float32Array, scale: Float64Array): number {
  let ratio = 0;
  for (let i = 0; i < scale.length; i++) {
    ratio = Math.max(ratio, Math.abs(actual[i] - expected[i]) / (1e-5 * scale[i] + 1e-30));
  }
  return ratio;
}

/** Every product of a training step, at odd and reference-like shapes. */
export async function measureKernelAgreement(): Promise<KernelAgreement> {
  const wasm: Kernels = await loadWasmKernelsBrowser();
  const random = new SeededRandom(7);
  let worstRatio = 0;
  let products = 0;
  for (const [m, k, n] of [
    [13, 29, 37],
    [64, 200, 100],
    [64, 784, 200],
    [7, 25, 10],
  ]) {
    const a = randomMatrix(random, m * k, 0.5);
    const b = randomMatrix(random, k * n, 0);
    const scale = magnitude(a, b, m, k, n);
    const check = (run: (k: Kernels, out: Float32Array) => void) => {
      const actual = new Float32Array(m * n);
      const expected = new Float32Array(m * n);
      run(wasm, actual);
      run(typescriptKernels, expected);
      worstRatio = Math.max(worstRatio, worst(actual, expected, scale));
      products++;
    };
    const aT = transposed(a, m, k);
    const bT = transposed(b, k, n);
    const sparse = createSparseRows(m, k);
    fillSparseRowsFromDense(sparse, a, m, k);
    check((kernels, out) => kernels.matmul(out, a, b, m, k, n));
    check((kernels, out) => kernels.matmulAtB(out, aT, b, m, k, n));
    check((kernels, out) => kernels.matmulABt(out, a, bT, m, k, n));
    check((kernels, out) => kernels.sparseMatmul(out, sparse, b, m, n));
    // Sᵀ·B: S (k×m) sparse rows of Aᵀ, B (k×n) -> out (m×n) = A·B again, through the gradient kernel.
    const sparseT = createSparseRows(k, m);
    fillSparseRowsFromDense(sparseT, aT, k, m);
    check((kernels, out) => kernels.sparseMatmulAtB(out, sparseT, b, k, m, n));
  }
  return { worstRatioToTolerance: worstRatio, products };
}
