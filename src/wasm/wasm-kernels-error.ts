// The one error type for loading the WebAssembly kernels; callers fall back to the TypeScript kernels.

export class WasmKernelsError extends Error {
  override readonly name = 'WasmKernelsError';
}
