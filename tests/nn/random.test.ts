// The seeded generator: fillNormals must give the very numbers nextNormal() gives, so a seed keeps its weights.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/nn/random';

describe('SeededRandom.fillNormals', () => {
  it('fills exactly what one nextNormal() per value gives, carrying the spare between calls', () => {
    const filled = new SeededRandom(7);
    const oneByOne = new SeededRandom(7);
    // Odd and even lengths in a row, as a network's layers come: a spare is left over and used next.
    for (const [length, scale] of [
      [5, 0.5],
      [1, 2],
      [0, 3],
      [8, 0.05],
      [3, 1],
    ] as const) {
      const out = new Float32Array(length);
      filled.fillNormals(out, scale);
      const expected = Float32Array.from({ length }, () => oneByOne.nextNormal() * scale);
      expect(Array.from(out)).toEqual(Array.from(expected));
    }
    expect(filled.nextNormal()).toBe(oneByOne.nextNormal());
    expect(filled.nextUint32()).toBe(oneByOne.nextUint32());
  });
});
