// Matrix transpose in cache-sized tiles, so neither the reads nor the writes stride across the whole matrix.

const TILE = 16;

/** out (cols×rows) = Aᵀ for A (rows×cols). */
export function transpose(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
  transposeInto(out, a, rows, cols, rows);
}

/** Aᵀ for A (rows×cols) into a wider matrix: out[c·outStride + r] = A[r][c] (the other columns untouched). */
export function transposeInto(
  out: Float32Array,
  a: Float32Array,
  rows: number,
  cols: number,
  outStride: number,
): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const rEnd = Math.min(r0 + TILE, rows);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      transposeTile(out, a, cols, outStride, r0, rEnd, c0, Math.min(c0 + TILE, cols));
    }
  }
}

/**
 * One tile. Its own function: as the inner loops of the tile loops, Chromium's optimiser compiled them alone
 * and dropped that code at every exit, so a 784×200 transpose ran mostly unoptimised.
 */
function transposeTile(
  out: Float32Array,
  a: Float32Array,
  cols: number,
  outStride: number,
  r0: number,
  rEnd: number,
  c0: number,
  cEnd: number,
): void {
  for (let r = r0; r < rEnd; r++) {
    const rowOffset = r * cols;
    for (let c = c0; c < cEnd; c++) out[c * outStride + r] = a[rowOffset + c];
  }
}
