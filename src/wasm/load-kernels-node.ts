// Loads the WebAssembly SIMD kernels in Node (CLI, bench, tests) from the file scripts/build-wasm.mjs writes.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { instantiateKernels } from './instantiate-kernels';
import { wasmSimdSupported } from './simd-support';
import type { WasmKernels } from './wasm-kernels';
import { WasmKernelsError } from './wasm-kernels-error';

export const KERNEL_WASM_PATH = fileURLToPath(new URL('../generated/digit-kernels.wasm', import.meta.url));

export const SHARED_KERNEL_WASM_PATH = fileURLToPath(
  new URL('../generated/digit-kernels-shared.wasm', import.meta.url),
);

let compiled: Promise<WebAssembly.Module> | null = null;
let compiledShared: Promise<WebAssembly.Module> | null = null;

/** A new kernels instance; the module is read and compiled once per process. */
export async function loadWasmKernelsNode(): Promise<WasmKernels> {
  if (!wasmSimdSupported()) throw new WasmKernelsError('this Node.js does not support WebAssembly SIMD');
  if (!existsSync(KERNEL_WASM_PATH)) {
    throw new WasmKernelsError(
      `${KERNEL_WASM_PATH} is missing; build it with "node scripts/build-wasm.mjs" (npm install does this)`,
    );
  }
  compiled ??= WebAssembly.compile(readFileSync(KERNEL_WASM_PATH));
  return instantiateKernels(await compiled);
}

/** The kernels built to import a shared memory (data-parallel runs); read and compiled once per process. */
export async function loadSharedKernelModuleNode(): Promise<WebAssembly.Module> {
  if (!wasmSimdSupported()) throw new WasmKernelsError('this Node.js does not support WebAssembly SIMD');
  if (!existsSync(SHARED_KERNEL_WASM_PATH)) {
    throw new WasmKernelsError(
      `${SHARED_KERNEL_WASM_PATH} is missing; build it with "node scripts/build-wasm.mjs" (npm install does this)`,
    );
  }
  compiledShared ??= WebAssembly.compile(readFileSync(SHARED_KERNEL_WASM_PATH));
  return compiledShared;
}
