// float16 by bits: every half value round-trips, and rounding matches a brute-force nearest-value reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  float16Bits,
  float16Value,
  FLOAT16_MAX,
  fromFloat16Bits,
  roundToFloat16,
  toFloat16Bits,
} from '../../src/nn/float16';

const isNaNHalf = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;

/** Every non-negative finite half, in increasing order of value and of bits, then 2^16 standing in for infinity. */
const ladder: number[] = [];
for (let h = 0; h <= 0x7bff; h++) ladder.push(independentValue(h));
ladder.push(65536);

/** The value of half bits from the definition, written apart from float16Value: (-1)^s 2^(e-15) (1 + m/1024). */
function independentValue(h: number): number {
  const s = h >> 15;
  const e = (h >> 10) & 31;
  const m = h & 1023;
  const magnitude = e === 0 ? Math.pow(2, -14) * (m / 1024) : Math.pow(2, e - 15) * (1 + m / 1024);
  return s ? -magnitude : magnitude;
}

/** Nearest half by search over the ladder, ties to the even bit pattern; past the ladder's last rung, infinity. */
function referenceBits(value: number): number {
  const x = Math.fround(value);
  if (Number.isNaN(x)) return -1;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65536) return sign | 0x7c00;
  let lo = 0;
  let hi = ladder.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ladder[mid] <= a) lo = mid;
    else hi = mid;
  }
  const below = a - ladder[lo];
  const above = ladder[hi] - a;
  const pick = below < above ? lo : above < below ? hi : lo % 2 === 0 ? lo : hi;
  return sign | pick; // rung index == bits, and rung 0x7c00 is infinity
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const fromBits32 = (bits: number) => {
  u32[0] = bits;
  return f32[0];
};

describe('float16', () => {
  it('decodes all 65536 half values exactly and encodes each back to the same bits', () => {
    const wrong: string[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const value = float16Value(h);
      if (isNaNHalf(h)) {
        if (!Number.isNaN(value) || !isNaNHalf(float16Bits(value))) wrong.push(`NaN ${h.toString(16)}`);
        continue;
      }
      const expected = (h & 0x7fff) === 0x7c00 ? (h & 0x8000 ? -Infinity : Infinity) : independentValue(h);
      if (!Object.is(value, expected) || Math.fround(value) !== value)
        wrong.push(`value of ${h.toString(16)}`);
      if (float16Bits(value) !== h) wrong.push(`bits of ${h.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps a NaN payload a NaN (never infinity) and both zeros and infinities', () => {
    expect(isNaNHalf(float16Bits(fromBits32(0x7f800001)))).toBe(true); // the smallest signalling payload
    expect(isNaNHalf(float16Bits(NaN))).toBe(true);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(0)).toBe(0);
    expect(float16Bits(Infinity)).toBe(0x7c00);
    expect(float16Bits(-Infinity)).toBe(0xfc00);
  });

  it('rounds known values: range ends, subnormals, ties to even', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(FLOAT16_MAX)).toBe(0x7bff);
    expect(float16Bits(65519.99)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00); // the tie above 65504 goes to the even side, infinity
    expect(float16Bits(-1e6)).toBe(0xfc00);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(2 ** -25)).toBe(0); // a tie between 0 and the smallest subnormal: even is 0
    expect(float16Bits(2 ** -25 * 1.0000001)).toBe(0x0001);
    expect(float16Bits(3 * 2 ** -25)).toBe(0x0002); // tie between 1 and 2 units: even is 2
    expect(float16Bits(2 ** -14)).toBe(0x0400);
    expect(float16Bits(2 ** -14 - 2 ** -25)).toBe(0x0400); // the largest subnormal rounds up into the normals
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie: 1.0 is even
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: up to the even neighbour
    expect(float16Bits(1e-10)).toBe(0);
    expect(float16Bits(-1e-10)).toBe(0x8000);
  });

  it('matches the reference at every midpoint between neighbouring halves and one float32 step either side', () => {
    for (let h = 0; h < 0x7c00; h++) {
      const midpoint = (ladder[h] + ladder[h + 1]) / 2; // exact in float32 for every pair
      expect(Math.fround(midpoint)).toBe(midpoint);
      u32[0] = 0;
      f32[0] = midpoint;
      const bits = u32[0];
      for (const candidate of [bits - 1, bits, bits + 1]) {
        for (const sign of [0, 0x80000000]) {
          const x = fromBits32((candidate | sign) >>> 0);
          const expected = referenceBits(x);
          if (float16Bits(x) !== expected)
            expect.fail(`float32 ${x}: got ${float16Bits(x).toString(16)}, want ${expected.toString(16)}`);
        }
      }
    }
  });

  it('matches the reference on random float32 bit patterns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        const x = fromBits32(bits);
        if (Number.isNaN(x)) return isNaNHalf(float16Bits(x));
        return float16Bits(x) === referenceBits(x);
      }),
      { numRuns: 20_000 },
    );
  });

  it('converts arrays both ways; a round trip moves a weight by at most half a float16 step', () => {
    const values = Float32Array.from([0.1, -0.2, 3.14159, 1e-6, -0, 1000.7]);
    const bits = toFloat16Bits(values);
    expect(bits).toBeInstanceOf(Uint16Array);
    const back = fromFloat16Bits(bits);
    expect(back).toEqual(roundToFloat16(values));
    values.forEach((v, i) => {
      const step = Math.max(2 ** -24, 2 ** (Math.floor(Math.log2(Math.abs(v) || 1)) - 10));
      expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(step / 2);
    });
    expect(Object.is(back[4], -0)).toBe(true);
  });
});
