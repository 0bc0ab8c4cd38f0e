// Loads the WebAssembly SIMD kernels in the browser (worker): Vite serves the .wasm as its own hashed asset.
import kernelWasmUrl from '../generated/digit-kernels.wasm?url&no-inline';
import sharedKernelWasmUrl from '../generated/digit-kernels-shared.wasm?url&no-inline';
import { instantiateKernels } from './instantiate-kernels';
import { wasmSimdSupported } from './simd-support';
import type { WasmKernels } from './wasm-kernels';
import { WasmKernelsError } from './wasm-kernels-error';

let compiled: Promise<WebAssembly.Module> | null = null;
let compiledShared: Promise<WebAssembly.Module> | null = null;

async function fetchModule(url: string = kernelWasmUrl): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new WasmKernelsError(`could not fetch the kernels (${url}): HTTP ${response.status}`);
  }
  // compile() over the bytes rather than compileStreaming(): static hosts do not all send application/wasm.
  return WebAssembly.compile(await response.arrayBuffer());
}

/** A new kernels instance; the module is fetched and compiled once per worker. */
export async function loadWasmKernelsBrowser(): Promise<WasmKernels> {
  if (!wasmSimdSupported()) throw new WasmKernelsError('this browser does not support WebAssembly SIMD');
  compiled ??= fetchModule();
  try {
    return await instantiateKernels(await compiled);
  } catch (error) {
    compiled = null;
    throw error;
  }
}

/** The kernels built to import a shared memory (data-parallel runs); fetched and compiled once per worker. */
export async function loadSharedKernelModuleBrowser(): Promise<WebAssembly.Module> {
  if (!wasmSimdSupported()) throw new WasmKernelsError('this browser does not support WebAssembly SIMD');
  compiledShared ??= fetchModule(sharedKernelWasmUrl);
  try {
    return await compiledShared;
  } catch (error) {
    compiledShared = null;
    throw error;
  }
}
