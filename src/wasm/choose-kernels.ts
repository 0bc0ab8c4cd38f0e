// Picks the fastest kernels this runtime can run: WebAssembly SIMD when it loads, else the TypeScript ones.
import { typescriptKernels, type Kernels } from '../nn/kernels';

export interface KernelChoice {
  readonly kernels: Kernels;
  /** Why the TypeScript kernels were chosen; null when WebAssembly SIMD is in use. */
  readonly fallbackReason: string | null;
}

/** `load` is loadWasmKernelsNode or loadWasmKernelsBrowser; any failure means the TypeScript kernels. */
export async function chooseKernels(load: () => Promise<Kernels>): Promise<KernelChoice> {
  try {
    return { kernels: await load(), fallbackReason: null };
  } catch (error) {
    return {
      kernels: typescriptKernels,
      fallbackReason: error instanceof Error ? error.message : String(error),
    };
  }
}
