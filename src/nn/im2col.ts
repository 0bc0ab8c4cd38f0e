// im2col and its adjoint col2im: one sample's patches as matrix columns, so a convolution is one matrix product.
import type { ConvGeometry } from './conv2d';

/** col[(c·K + ky)·K + kx][oy·outW + ox] = x[c][oy + ky − pad][ox + kx − pad], 0 outside the map. */
export function im2col(col: Float32Array, input: Float32Array, offset: number, g: ConvGeometry): void {
  const pixels = g.outHeight * g.outWidth;
  let row = 0;
  for (let c = 0; c < g.channels; c++) {
    for (let ky = 0; ky < g.size; ky++) {
      for (let kx = 0; kx < g.size; kx++) {
        const plane = offset + c * g.height * g.width;
        for (let oy = 0; oy < g.outHeight; oy++) {
          const iy = oy + ky - g.padding;
          const o = row * pixels + oy * g.outWidth;
          if (iy < 0 || iy >= g.height) col.fill(0, o, o + g.outWidth);
          else colRow(col, o, input, plane + iy * g.width, kx - g.padding, g.width, g.outWidth);
        }
        row++;
      }
    }
  }
}

/** Scatters a sample's column gradient back onto its map: dInput's sample is overwritten, overlaps summed. */
export function col2im(dInput: Float32Array, offset: number, dCol: Float32Array, g: ConvGeometry): void {
  const pixels = g.outHeight * g.outWidth;
  dInput.fill(0, offset, offset + g.channels * g.height * g.width);
  let row = 0;
  for (let c = 0; c < g.channels; c++) {
    for (let ky = 0; ky < g.size; ky++) {
      for (let kx = 0; kx < g.size; kx++) {
        const plane = offset + c * g.height * g.width;
        for (let oy = 0; oy < g.outHeight; oy++) {
          const iy = oy + ky - g.padding;
          if (iy < 0 || iy >= g.height) continue;
          rowAdd(
            dInput,
            plane + iy * g.width,
            dCol,
            row * pixels + oy * g.outWidth,
            kx - g.padding,
            g.width,
            g.outWidth,
          );
        }
        row++;
      }
    }
  }
}

// Row helpers are functions of their own: loops nested deep in others were compiled alone by V8 (see softmax.ts).
function colRow(
  col: Float32Array,
  o: number,
  input: Float32Array,
  i: number,
  shift: number,
  width: number,
  outWidth: number,
): void {
  for (let ox = 0; ox < outWidth; ox++) {
    const ix = ox + shift;
    col[o + ox] = ix >= 0 && ix < width ? input[i + ix] : 0;
  }
}

function rowAdd(
  dInput: Float32Array,
  i: number,
  dCol: Float32Array,
  o: number,
  shift: number,
  width: number,
  outWidth: number,
): void {
  const start = Math.max(0, -shift);
  const end = Math.min(outWidth, width - shift);
  for (let ox = start; ox < end; ox++) dInput[i + ox + shift] += dCol[o + ox];
}
