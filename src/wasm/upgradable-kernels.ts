// Kernels that start as the TypeScript ones and switch to WebAssembly SIMD once it has loaded, so the worker
// can answer from its first message while the .wasm file is still being fetched and compiled.
import {
  im2colConv2dBackward,
  im2colConv2dForward,
  type Conv2dBackward,
  type Conv2dForward,
} from '../nn/conv2d';
import { typescriptKernels, type Kernels } from '../nn/kernels';
import { poolForward } from '../nn/max-pool';
import type { SparseRows } from '../nn/sparse-rows';
import { chooseKernels } from './choose-kernels';

type StepKernel =
  | 'addBiasRelu'
  | 'reluBackward'
  | 'columnSum'
  | 'axpy'
  | 'momentumUpdate'
  | 'momentumUpdateSum'
  | 'adamUpdate'
  | 'transposeInto'
  | 'fillSparseRows'
  | 'distortDigits';
type StepArgs<K extends StepKernel> = Parameters<NonNullable<Kernels[K]>>;

export class UpgradableKernels implements Kernels {
  private current: Kernels = typescriptKernels;
  /** Why WebAssembly SIMD is not in use, once loading it failed; null before and after success. */
  fallbackReason: string | null = null;

  get name(): string {
    return this.current.name;
  }

  /** Loads the faster kernels; resolves with the kernels now in use (never rejects). */
  async upgradeFrom(load: () => Promise<Kernels>): Promise<Kernels> {
    const choice = await chooseKernels(load);
    this.current = choice.kernels;
    this.fallbackReason = choice.fallbackReason;
    if (choice.fallbackReason !== null) {
      console.warn(`Digit Lab: training with the TypeScript kernels (${choice.fallbackReason})`);
    }
    return this.current;
  }

  /** Arena buffers of the kernels in use when called (the WebAssembly ones, once loaded). */
  allocate(length: number): Float32Array {
    return this.current.allocate?.(length) ?? new Float32Array(length);
  }
  allocateInt32(length: number): Int32Array {
    return this.current.allocateInt32?.(length) ?? new Int32Array(length);
  }

  transpose(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
    this.current.transpose(out, a, rows, cols);
  }

  matmul(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.current.matmul(out, a, b, m, k, n);
  }
  matmulABt(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.current.matmulABt(out, a, b, m, k, n);
  }
  matmulAtB(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.current.matmulAtB(out, a, b, m, k, n);
  }
  sparseMatmul(out: Float32Array, s: SparseRows, b: Float32Array, m: number, n: number): void {
    this.current.sparseMatmul(out, s, b, m, n);
  }
  sparseMatmulAtB(out: Float32Array, s: SparseRows, b: Float32Array, m: number, k: number, n: number): void {
    this.current.sparseMatmulAtB(out, s, b, m, k, n);
  }

  // The step kernels: the current ones', or the TypeScript twins' when the current kernels lack one.
  addBiasRelu(...args: StepArgs<'addBiasRelu'>): void {
    (this.current.addBiasRelu ? this.current : typescriptKernels).addBiasRelu?.(...args);
  }
  reluBackward(...args: StepArgs<'reluBackward'>): void {
    (this.current.reluBackward ? this.current : typescriptKernels).reluBackward?.(...args);
  }
  columnSum(...args: StepArgs<'columnSum'>): void {
    (this.current.columnSum ? this.current : typescriptKernels).columnSum?.(...args);
  }
  axpy(...args: StepArgs<'axpy'>): void {
    (this.current.axpy ? this.current : typescriptKernels).axpy?.(...args);
  }
  momentumUpdate(...args: StepArgs<'momentumUpdate'>): void {
    (this.current.momentumUpdate ? this.current : typescriptKernels).momentumUpdate?.(...args);
  }
  momentumUpdateSum(...args: StepArgs<'momentumUpdateSum'>): void {
    (this.current.momentumUpdateSum ? this.current : typescriptKernels).momentumUpdateSum?.(...args);
  }
  adamUpdate(...args: StepArgs<'adamUpdate'>): void {
    (this.current.adamUpdate ? this.current : typescriptKernels).adamUpdate?.(...args);
  }
  transposeInto(...args: StepArgs<'transposeInto'>): void {
    (this.current.transposeInto ? this.current : typescriptKernels).transposeInto?.(...args);
  }
  fillSparseRows(...args: StepArgs<'fillSparseRows'>): void {
    (this.current.fillSparseRows ? this.current : typescriptKernels).fillSparseRows?.(...args);
  }
  distortDigits(...args: StepArgs<'distortDigits'>): void {
    (this.current.distortDigits ? this.current : typescriptKernels).distortDigits?.(...args);
  }

  // The layer kernels: the current ones', or the TypeScript twins on the current products.
  conv2dForward(...args: Parameters<Conv2dForward>): void {
    if (this.current.conv2dForward) this.current.conv2dForward(...args);
    else im2colConv2dForward(...args, this.current);
  }
  conv2dBackward(...args: Parameters<Conv2dBackward>): void {
    if (this.current.conv2dBackward) this.current.conv2dBackward(...args);
    else im2colConv2dBackward(...args, this.current);
  }
  maxPoolForward(...args: Parameters<typeof poolForward>): void {
    if (this.current.maxPoolForward) this.current.maxPoolForward(...args);
    else poolForward(...args);
  }
}
