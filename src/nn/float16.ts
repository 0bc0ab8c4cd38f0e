// IEEE 754 half precision by bits (Node 20 and older browsers have no Float16Array): float32 ⇄ float16.
const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** The largest finite float16, 65504; anything from 65520 up rounds to infinity. */
export const FLOAT16_MAX = 65504;

/**
 * The float16 bits nearest to `value` (first rounded to float32, as a Float32Array would), ties to even, with
 * subnormals, signed zeros and infinities; NaN stays a (quiet) NaN. Works on the float32 bits so no value is
 * rounded twice.
 */
export function float16Bits(value: number): number {
  scratch[0] = value;
  const bits = scratchBits[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200 | (mantissa >>> 13));
  // 2^16 and above is past 65504 even before rounding.
  if (exponent >= 127 + 16) return sign | 0x7c00;
  if (exponent >= 127 - 14) {
    // A normal half: rebias the exponent, keep the top 10 mantissa bits, round on the 13 dropped ones. A carry
    // out of the mantissa moves into the exponent, which is the right answer (up to 0x7c00, infinity).
    const half = ((exponent - 127 + 15) << 10) | (mantissa >>> 13);
    const dropped = mantissa & 0x1fff;
    return sign | (dropped > 0x1000 || (dropped === 0x1000 && (half & 1) === 1) ? half + 1 : half);
  }
  // Below 2^-25 (half the smallest subnormal, 2^-24) everything rounds to zero; 2^-25 itself ties to even, 0.
  if (exponent < 127 - 25) return sign;
  // A subnormal half counts units of 2^-24: the 24-bit significand shifted right, rounded on what falls off.
  const significand = mantissa | 0x800000;
  const shift = 126 - exponent;
  const half = significand >>> shift;
  const dropped = significand & ((1 << shift) - 1);
  const midpoint = 1 << (shift - 1);
  // Rounding 0x3ff up gives 0x400, the smallest normal, again the right encoding.
  return sign | (dropped > midpoint || (dropped === midpoint && (half & 1) === 1) ? half + 1 : half);
}

/** The value of float16 bits (exact in float32 and float64). */
export function float16Value(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (0x400 + mantissa) * 2 ** (exponent - 25);
}

export function toFloat16Bits(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float16Bits(values[i]);
  return out;
}

export function fromFloat16Bits(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = float16Value(bits[i]);
  return out;
}

/** The float32 values a float16 round trip gives (what a network saved as float16 computes with). */
export function roundToFloat16(values: Float32Array): Float32Array {
  return fromFloat16Bits(toFloat16Bits(values));
}
