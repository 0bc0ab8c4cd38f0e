// Max-pooling over S×S windows with stride S, forward (recording each window's maximum) and backward side by side.
import type { Kernels } from './kernels';

/** One pool layer's sizes: C×H×W in, C×⌊H/S⌋×⌊W/S⌋ out (the rows and columns left over are dropped). */
export interface PoolGeometry {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly size: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/**
 * out (batch × C×outH×outW) = the maximum of each window; argmax[i] = the index in `input` it came from.
 * Ties go to the first maximum in row-major order within the window, as NumPy's argmax picks.
 */
export function maxPoolForward(
  out: Float32Array,
  argmax: Int32Array,
  input: Float32Array,
  batch: number,
  g: PoolGeometry,
  kernels?: Kernels,
): void {
  if (kernels?.maxPoolForward) kernels.maxPoolForward(out, argmax, input, batch, g);
  else poolForward(out, argmax, input, batch, g);
}

/** maxPoolForward's TypeScript twin. */
export function poolForward(
  out: Float32Array,
  argmax: Int32Array,
  input: Float32Array,
  batch: number,
  g: PoolGeometry,
): void {
  const planes = batch * g.channels;
  const inPlane = g.height * g.width;
  for (let p = 0; p < planes; p++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      const o = (p * g.outHeight + oy) * g.outWidth;
      poolRow(out, argmax, o, input, p * inPlane + oy * g.size * g.width, g);
    }
  }
}

/** dInput = dOut scattered to the recorded maxima, 0 elsewhere (windows do not overlap: stride = size). */
export function maxPoolBackward(
  dInput: Float32Array,
  dOut: Float32Array,
  argmax: Int32Array,
  batch: number,
  g: PoolGeometry,
): void {
  dInput.fill(0, 0, batch * g.channels * g.height * g.width);
  const outputs = batch * g.channels * g.outHeight * g.outWidth;
  for (let i = 0; i < outputs; i++) dInput[argmax[i]] += dOut[i];
}

/** One row of windows whose top-left corners sit on input row `start`; a function of its own (see softmax.ts). */
function poolRow(
  out: Float32Array,
  argmax: Int32Array,
  o: number,
  input: Float32Array,
  start: number,
  g: PoolGeometry,
): void {
  const s = g.size;
  for (let ox = 0; ox < g.outWidth; ox++) {
    const corner = start + ox * s;
    let best = corner;
    let max = input[corner];
    for (let dy = 0; dy < s; dy++) {
      const row = corner + dy * g.width;
      for (let dx = 0; dx < s; dx++) {
        if (input[row + dx] > max) {
          max = input[row + dx];
          best = row + dx;
        }
      }
    }
    out[o + ox] = max;
    argmax[o + ox] = best;
  }
}
