// A small seeded pseudo-random generator (mulberry32) so that a seed fixes the weights and the shuffle order.

/** Uniform floats in [0, 1), normal samples and shuffles, all fully determined by the seed. */
export class SeededRandom {
  private state: number;
  /** Box-Muller yields normals in pairs; the second one waits here. */
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = 0;
    this.reseed(seed);
  }

  /** Starts over from `seed`, as a new generator would: one per sample without allocating one. */
  reseed(seed: number): void {
    // Mix the seed once so that nearby seeds (1, 2, 3) start from unrelated states.
    this.state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
    this.spareNormal = null;
  }

  /** mulberry32: 32-bit state, full period, passes the usual statistical batteries for this use. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal N(0, 1) by the Box-Muller transform. */
  nextNormal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    // 1 - u keeps the logarithm's argument in (0, 1].
    const u1 = 1 - this.nextFloat();
    const u2 = this.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /**
   * out[i] = scale · (the next normal), exactly as that many nextNormal() calls would give (a spare carried
   * in is used first, one made at the end is kept), but in one loop: a network's 178K initial weights took
   * 10–20 ms in Chromium one call at a time, with the spare boxed in a field, on every Start.
   */
  fillNormals(out: Float32Array, scale: number): void {
    let i = 0;
    if (this.spareNormal !== null && out.length > 0) {
      out[i++] = this.spareNormal * scale;
      this.spareNormal = null;
    }
    for (; i + 1 < out.length; i += 2) {
      const u1 = 1 - this.nextFloat();
      const u2 = this.nextFloat();
      const radius = Math.sqrt(-2 * Math.log(u1));
      const angle = 2 * Math.PI * u2;
      out[i] = radius * Math.cos(angle) * scale;
      out[i + 1] = radius * Math.sin(angle) * scale;
    }
    if (i < out.length) out[i] = this.nextNormal() * scale;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** Fisher-Yates shuffle in place. */
  shuffle(values: Uint32Array | Int32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const held = values[i];
      values[i] = values[j];
      values[j] = held;
    }
  }
}
