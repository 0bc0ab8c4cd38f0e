// A batch of images as compressed sparse rows: MNIST pixels are ~80% zeros, and the first layer skips them.

/** Row i's non-zero values are values[rowStart[i] .. rowStart[i+1]) at columns columns[...]. */
export interface SparseRows {
  readonly rowStart: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float32Array;
}

/** Where sparse rows' buffers are made: Kernels.allocate and allocateInt32, so kernels read them in place. */
export interface SparseRowsAllocators {
  allocate?(length: number): Float32Array;
  allocateInt32?(length: number): Int32Array;
}

/** Buffers for up to `maxRows` rows of `columnCount` columns each; filled again for every batch. */
export function createSparseRows(
  maxRows: number,
  columnCount: number,
  allocators: SparseRowsAllocators = {},
): SparseRows {
  const ints = (length: number) => allocators.allocateInt32?.(length) ?? new Int32Array(length);
  return {
    rowStart: ints(maxRows + 1),
    columns: ints(maxRows * columnCount),
    values: allocators.allocate?.(maxRows * columnCount) ?? new Float32Array(maxRows * columnCount),
  };
}

/** byte / 255 as float32, computed once: the same scaling NumPy's `images.astype(float32) / 255` gives. */
export const PIXEL_SCALE = Float32Array.from({ length: 256 }, (_, byte) => byte / 255);

/**
 * Fills `rows` with images `order[start .. start+count)` of `pixels` (uint8, `pixelsPerImage` each),
 * scaled to [0, 1]. With `order` null, images start .. start+count are taken in sequence.
 */
export function fillSparseRows(
  rows: SparseRows,
  pixels: Uint8Array,
  pixelsPerImage: number,
  order: Uint32Array | null,
  start: number,
  count: number,
): void {
  const words = pixelsPerImage % 4 === 0 ? wordsOf(pixels) : null;
  let nonZero = 0;
  // One call per image: small functions the JIT optimises whole. As one function of three nested loops,
  // Chromium's optimiser compiled the inner loop alone (on-stack replacement) and threw that code away at
  // every exit to the outer loop, so the function ran mostly unoptimised (about 0.3 ms a step).
  for (let r = 0; r < count; r++) {
    rows.rowStart[r] = nonZero;
    const image = order === null ? start + r : order[start + r];
    nonZero =
      words !== null
        ? appendWordRow(rows, words, (image * pixelsPerImage) >> 2, pixelsPerImage >> 2, nonZero)
        : appendByteRow(rows, pixels, image * pixelsPerImage, pixelsPerImage, nonZero);
  }
  rows.rowStart[count] = nonZero;
}

/** Appends one image's non-zero pixels, read four at a time, at entry `nonZero`; returns the new count. */
function appendWordRow(
  rows: SparseRows,
  words: Uint32Array,
  firstWord: number,
  wordCount: number,
  nonZero: number,
): number {
  const { columns, values } = rows;
  for (let w = 0; w < wordCount; w++) {
    let word = words[firstWord + w];
    // Little-endian words (checked in wordsOf): the lowest byte is the first pixel.
    for (let c = w << 2; word !== 0; c++, word >>>= 8) {
      const byte = word & 0xff;
      if (byte !== 0) {
        columns[nonZero] = c;
        values[nonZero] = PIXEL_SCALE[byte];
        nonZero++;
      }
    }
  }
  return nonZero;
}

/** appendWordRow for pixels that cannot be read as words (an image size not a multiple of four). */
function appendByteRow(
  rows: SparseRows,
  pixels: Uint8Array,
  offset: number,
  pixelCount: number,
  nonZero: number,
): number {
  const { columns, values } = rows;
  for (let c = 0; c < pixelCount; c++) {
    const byte = pixels[offset + c];
    if (byte !== 0) {
      columns[nonZero] = c;
      values[nonZero] = PIXEL_SCALE[byte];
      nonZero++;
    }
  }
  return nonZero;
}

/** fillSparseRows through `kernels` when they bring their own (WebAssembly), else the TypeScript one above. */
export function fillSparseRowsWith(
  kernels: { fillSparseRows?: typeof fillSparseRows },
  ...args: Parameters<typeof fillSparseRows>
): void {
  if (kernels.fillSparseRows) kernels.fillSparseRows(...args);
  else fillSparseRows(...args);
}

/** Whether a Uint32Array reads bytes lowest-first, as every current browser and Node platform does. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The same bytes as 32-bit words (null when not 4-byte aligned), made once per dataset, not per batch. */
const wordViews = new WeakMap<Uint8Array, Uint32Array | null>();

/** Four blank pixels are one zero word: reading words skips the ~80% of background four at a time. */
function wordsOf(pixels: Uint8Array): Uint32Array | null {
  let words = wordViews.get(pixels);
  if (words === undefined) {
    words =
      LITTLE_ENDIAN && pixels.byteOffset % 4 === 0
        ? new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2)
        : null;
    wordViews.set(pixels, words);
  }
  return words;
}

/** Fills `rows` from dense float rows (m×k), keeping the entries that are not zero. */
export function fillSparseRowsFromDense(rows: SparseRows, dense: Float32Array, m: number, k: number): void {
  const { rowStart, columns, values } = rows;
  let nonZero = 0;
  for (let r = 0; r < m; r++) {
    rowStart[r] = nonZero;
    for (let c = 0; c < k; c++) {
      const value = dense[r * k + c];
      if (value !== 0) {
        columns[nonZero] = c;
        values[nonZero] = value;
        nonZero++;
      }
    }
  }
  rowStart[m] = nonZero;
}
