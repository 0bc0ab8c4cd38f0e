// Building a batch's sparse rows from image bytes keeps every lit pixel, whatever the bytes' alignment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSparseRows, fillSparseRows, PIXEL_SCALE } from '../../src/nn/sparse-rows';

/** The naive dense reading of the same images, as (column, value) lists per row. */
function denseRows(pixels: Uint8Array, perImage: number, order: number[]): [number, number][][] {
  return order.map((image) => {
    const row: [number, number][] = [];
    for (let c = 0; c < perImage; c++) {
      const byte = pixels[image * perImage + c];
      if (byte !== 0) row.push([c, PIXEL_SCALE[byte]]);
    }
    return row;
  });
}

describe('fillSparseRows', () => {
  it('lists exactly the non-zero pixels of the ordered images, aligned or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).map((words) => words * 4),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (perImage, misalignment, seed) => {
          const images = 6;
          const backing = new Uint8Array(images * perImage + 4);
          let state = seed;
          for (let i = 0; i < backing.length; i++) {
            state = (state * 1103515245 + 12345) >>> 0;
            backing[i] = state % 5 === 0 ? state >>> 24 : 0;
          }
          const pixels = backing.subarray(misalignment, misalignment + images * perImage);
          const order = [4, 1, 5, 0];
          const rows = createSparseRows(order.length, perImage);
          fillSparseRows(rows, pixels, perImage, Uint32Array.from([9, ...order]), 1, order.length);
          const expected = denseRows(pixels, perImage, order);
          for (let r = 0; r < order.length; r++) {
            const actual: [number, number][] = [];
            for (let t = rows.rowStart[r]; t < rows.rowStart[r + 1]; t++)
              actual.push([rows.columns[t], rows.values[t]]);
            expect(actual).toEqual(expected[r]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
