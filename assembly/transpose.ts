// Matrix transpose with f32x4 shuffles: 4×4 blocks turned in registers, walked in cache-sized tiles.

const TILE: i32 = 32;

/** Byte address of element (row, col) of a row-major matrix with `cols` columns (binaryen inlines it). */
function at(base: usize, row: i32, col: i32, cols: i32): usize {
  return base + ((<usize>row * <usize>cols + <usize>col) << 2);
}

/** out (cols×rows) = Aᵀ for A (rows×cols). */
export function transpose(out: usize, a: usize, rows: i32, cols: i32): void {
  transposeInto(out, a, rows, cols, rows);
}

/**
 * Writes Aᵀ for A (rows×cols) into a wider matrix: out(c, r) at out + 4·(c·outStride + r). A block of rows of
 * the transposed first layer becomes a block of columns of the weights people see, without a second buffer.
 */
export function transposeInto(out: usize, a: usize, rows: i32, cols: i32, outStride: i32): void {
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  for (let r0: i32 = 0; r0 < rows4; r0 += TILE) {
    const rEnd = min(r0 + TILE, rows4);
    for (let c0: i32 = 0; c0 < cols4; c0 += TILE) {
      const cEnd = min(c0 + TILE, cols4);
      for (let r = r0; r < rEnd; r += 4) {
        for (let c = c0; c < cEnd; c += 4) {
          const x0 = v128.load(at(a, r, c, cols));
          const x1 = v128.load(at(a, r + 1, c, cols));
          const x2 = v128.load(at(a, r + 2, c, cols));
          const x3 = v128.load(at(a, r + 3, c, cols));
          const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5);
          const t1 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7);
          const t2 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
          const t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
          v128.store(at(out, c, r, outStride), v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
          v128.store(at(out, c + 1, r, outStride), v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
          v128.store(at(out, c + 2, r, outStride), v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
          v128.store(at(out, c + 3, r, outStride), v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
        }
      }
    }
  }
  // The ragged edges: the last rows % 4 rows, then the last cols % 4 columns of the rest.
  for (let r = rows4; r < rows; r++) {
    for (let c: i32 = 0; c < cols; c++) store<f32>(at(out, c, r, outStride), load<f32>(at(a, r, c, cols)));
  }
  for (let r: i32 = 0; r < rows4; r++) {
    for (let c = cols4; c < cols; c++) store<f32>(at(out, c, r, outStride), load<f32>(at(a, r, c, cols)));
  }
}
