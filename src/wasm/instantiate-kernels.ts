// Turns the compiled kernel module into Kernels, checking it exports what wasm-kernels.ts calls.
import { WasmKernels, type ArenaBounds, type KernelModuleExports } from './wasm-kernels';
import { WasmKernelsError } from './wasm-kernels-error';

const FUNCTIONS = [
  'heapBase',
  'matmul',
  'transpose',
  'transposeInto',
  'fillSparseRows',
  'sparseMatmul',
  'sparseMatmulAtB',
  'addBiasRelu',
  'reluBackward',
  'columnSum',
  'axpy',
  'momentumUpdate',
  'adamUpdate',
  'convForward',
  'convForwardScratch',
  'convBackward',
  'convBackwardScratch',
  'maxPoolForward',
] as const;

/**
 * A fresh instance (its own arena) of an already compiled module: cheap, so one per training session. The
 * shared-memory build takes `memory` (a shared WebAssembly.Memory) and the part of it this instance owns.
 */
export async function instantiateKernels(
  module: WebAssembly.Module,
  shared?: { readonly memory: WebAssembly.Memory; readonly arena: ArenaBounds },
): Promise<WasmKernels> {
  const instance = await WebAssembly.instantiate(module, shared ? { env: { memory: shared.memory } } : {});
  const exports = instance.exports as Record<string, unknown>;
  const missing = FUNCTIONS.filter((name) => typeof exports[name] !== 'function');
  if (!(exports.memory instanceof WebAssembly.Memory) || missing.length > 0) {
    throw new WasmKernelsError(
      `the kernel module lacks ${[...missing, ...(exports.memory instanceof WebAssembly.Memory ? [] : ['memory'])].join(', ')}; rebuild it with "node scripts/build-wasm.mjs --force"`,
    );
  }
  return new WasmKernels(exports as unknown as KernelModuleExports, shared?.arena);
}
