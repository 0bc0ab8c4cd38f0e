// Loads the WebAssembly SIMD kernels in the browser (worker): Vite serves each .wasm as its own hashed asset.
import kernelWasmUrl from '../generated/digit-kernels.wasm?url&no-inline';
import relaxedKernelWasmUrl from '../generated/digit-kernels-relaxed.wasm?url&no-inline';
import sharedKernelWasmUrl from '../generated/digit-kernels-shared.wasm?url&no-inline';
import sharedRelaxedKernelWasmUrl from '../generated/digit-kernels-shared-relaxed.wasm?url&no-inline';
import { instantiateKernels } from './instantiate-kernels';
import { wasmSimdSupported } from './simd-support';
import type { WasmKernels } from './wasm-kernels';
import { WasmKernelsError } from './wasm-kernels-error';

let compiled: Promise<WebAssembly.Module> | null = null;
let compiledShared: Promise<WebAssembly.Module> | null = null;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new WasmKernelsError(`could not fetch the kernels (${url}): HTTP ${response.status}`);
  }
  return response.arrayBuffer();
}

/**
 * The relaxed-SIMD build (fused multiply-add) where this engine validates it, else the plain SIMD build.
 * compile() over the bytes rather than compileStreaming(): static hosts do not all send application/wasm.
 */
async function fetchFastestModule(relaxedUrl: string, plainUrl: string): Promise<WebAssembly.Module> {
  try {
    const relaxed = await fetchBytes(relaxedUrl);
    if (WebAssembly.validate(relaxed)) return await WebAssembly.compile(relaxed);
  } catch (error) {
    console.warn('Digit Lab: the relaxed-SIMD kernels did not load; using the plain SIMD ones', error);
  }
  return WebAssembly.compile(await fetchBytes(plainUrl));
}

/** A new kernels instance; the module is fetched and compiled once per worker. */
export async function loadWasmKernelsBrowser(): Promise<WasmKernels> {
  if (!wasmSimdSupported()) throw new WasmKernelsError('this browser does not support WebAssembly SIMD');
  compiled ??= fetchFastestModule(relaxedKernelWasmUrl, kernelWasmUrl);
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
  compiledShared ??= fetchFastestModule(sharedRelaxedKernelWasmUrl, sharedKernelWasmUrl);
  try {
    return await compiledShared;
  } catch (error) {
    compiledShared = null;
    throw error;
  }
}
