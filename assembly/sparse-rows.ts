// A batch of images (bytes) as compressed sparse rows, sixteen pixels per compare: the twin of
// fillSparseRows in src/nn/sparse-rows.ts, which spent about 1.7 µs an image in JavaScript.

/**
 * Fills rowStart (count + 1 i32), columns (i32) and values (f32) from `count` images of `pixelsPerImage`
 * bytes each, stored one after the other at `pixels`; a pixel's value is scale[byte] (256 f32: PIXEL_SCALE,
 * so the result is the TypeScript twin's exactly). Entries come in pixel order.
 */
export function fillSparseRows(
  rowStart: usize,
  columns: usize,
  values: usize,
  pixels: usize,
  count: i32,
  pixelsPerImage: i32,
  scale: usize,
): void {
  let entry: usize = 0;
  const zero = i8x16.splat(0);
  for (let r: i32 = 0; r < count; r++) {
    store<i32>(rowStart + ((<usize>r) << 2), <i32>entry);
    const image = pixels + <usize>r * <usize>pixelsPerImage;
    let c: i32 = 0;
    for (; c + 16 <= pixelsPerImage; c += 16) {
      let lit = i8x16.bitmask(i8x16.ne(v128.load(image + <usize>c), zero));
      while (lit != 0) {
        const lane = <i32>ctz(lit);
        lit &= lit - 1;
        const column = c + lane;
        const byte = load<u8>(image + <usize>column);
        store<i32>(columns + (entry << 2), column);
        store<f32>(values + (entry << 2), load<f32>(scale + ((<usize>byte) << 2)));
        entry++;
      }
    }
    for (; c < pixelsPerImage; c++) {
      const byte = load<u8>(image + <usize>c);
      if (byte != 0) {
        store<i32>(columns + (entry << 2), c);
        store<f32>(values + (entry << 2), load<f32>(scale + ((<usize>byte) << 2)));
        entry++;
      }
    }
  }
  store<i32>(rowStart + ((<usize>count) << 2), <i32>entry);
}
