// Whether this JavaScript engine runs WebAssembly SIMD, asked without loading the kernels.

/** The smallest module using a v128 instruction (i8x16.splat, i8x16.popcnt), as wasm-feature-detect probes. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
]);

export function wasmSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}
