// Convolution (stride 1, zero padding, bias, ReLU) over a batch of (C, H, W) maps, forward and backward side by side.
import { col2im, im2col } from './im2col';
import type { Kernels } from './kernels';

/** One conv layer's sizes: input C×H×W, F filters of K×K, `padding` zeros on every side, output F×outH×outW. */
export interface ConvGeometry {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly filters: number;
  readonly size: number;
  readonly padding: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/** One sample's buffers, reused across the batch: im2col works per sample, so none grows with the batch. */
export interface ConvScratch {
  /** (C·K·K) × (outH·outW): column p holds the input patch under output pixel p. */
  readonly col: Float32Array;
  /** The gradient of `col`. */
  readonly dCol: Float32Array;
  /** F × (outH·outW): one sample's pre-activation, then its gradient. */
  readonly z: Float32Array;
  /** F × (C·K·K): one sample's share of dW. */
  readonly dW: Float32Array;
}

/** `allocate` places the buffers (Kernels' allocate: in WebAssembly memory, where its conv kernels read them). */
export function createConvScratch(
  g: ConvGeometry,
  allocate: (length: number) => Float32Array = (length) => new Float32Array(length),
): ConvScratch {
  const patch = g.channels * g.size * g.size;
  const pixels = g.outHeight * g.outWidth;
  return {
    col: allocate(patch * pixels),
    dCol: allocate(patch * pixels),
    z: allocate(g.filters * pixels),
    dW: allocate(g.filters * patch),
  };
}

/** A conv layer's forward pass as Kernels may provide it (conv2dForward without the kernels argument). */
export type Conv2dForward = (
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  b: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
) => void;

/** A conv layer's backward pass as Kernels may provide it (conv2dBackward without the kernels argument). */
export type Conv2dBackward = (
  dInput: Float32Array | null,
  dW: Float32Array,
  db: Float32Array,
  dOut: Float32Array,
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
) => void;

/**
 * out (batch × F×outH×outW) = relu(W ⊛ input + b), with W (F, C·K·K) laid out as PyTorch's (F, C, K, K):
 * the kernels' own conv2dForward when they have one, else im2colConv2dForward.
 */
export function conv2dForward(
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  b: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
  kernels: Kernels,
): void {
  if (kernels.conv2dForward) kernels.conv2dForward(out, input, W, b, batch, g, scratch);
  else im2colConv2dForward(out, input, W, b, batch, g, scratch, kernels);
}

/** conv2dForward's TypeScript twin: per sample, Z = W · im2col(x) is one matrix product on `kernels`. */
export function im2colConv2dForward(
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  b: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
  kernels: Kernels,
): void {
  const patch = g.channels * g.size * g.size;
  const pixels = g.outHeight * g.outWidth;
  const inSize = g.channels * g.height * g.width;
  for (let n = 0; n < batch; n++) {
    im2col(scratch.col, input, n * inSize, g);
    kernels.matmul(scratch.z, W, scratch.col, g.filters, patch, pixels);
    for (let f = 0; f < g.filters; f++)
      biasRelu(out, n * g.filters * pixels + f * pixels, scratch.z, f * pixels, b[f], pixels);
  }
}

/**
 * From dOut (the gradient of the post-ReLU output): dW = Σ_n dZ_n · colᵀ_n, db = Σ dZ, and, unless dInput is
 * null (the first layer), dInput = col2im(Wᵀ · dZ_n), where dZ = dOut ⊙ [out > 0]: the kernels' own
 * conv2dBackward when they have one, else im2colConv2dBackward.
 */
export function conv2dBackward(
  dInput: Float32Array | null,
  dW: Float32Array,
  db: Float32Array,
  dOut: Float32Array,
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
  kernels: Kernels,
): void {
  if (kernels.conv2dBackward) {
    kernels.conv2dBackward(dInput, dW, db, dOut, out, input, W, batch, g, scratch);
  } else {
    im2colConv2dBackward(dInput, dW, db, dOut, out, input, W, batch, g, scratch, kernels);
  }
}

/** conv2dBackward's TypeScript twin: per sample, dW's share and dInput's columns are matrix products. */
export function im2colConv2dBackward(
  dInput: Float32Array | null,
  dW: Float32Array,
  db: Float32Array,
  dOut: Float32Array,
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  batch: number,
  g: ConvGeometry,
  scratch: ConvScratch,
  kernels: Kernels,
): void {
  const patch = g.channels * g.size * g.size;
  const pixels = g.outHeight * g.outWidth;
  const inSize = g.channels * g.height * g.width;
  dW.fill(0);
  db.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let f = 0; f < g.filters; f++) {
      db[f] += reluMask(scratch.z, f * pixels, dOut, out, n * g.filters * pixels + f * pixels, pixels);
    }
    im2col(scratch.col, input, n * inSize, g);
    kernels.matmulABt(scratch.dW, scratch.z, scratch.col, g.filters, pixels, patch);
    for (let i = 0; i < dW.length; i++) dW[i] += scratch.dW[i];
    if (dInput !== null) {
      kernels.matmulAtB(scratch.dCol, W, scratch.z, patch, g.filters, pixels);
      col2im(dInput, n * inSize, scratch.dCol, g);
    }
  }
}

function biasRelu(out: Float32Array, o: number, z: Float32Array, zo: number, bias: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = z[zo + i] + bias;
    out[o + i] = v > 0 ? v : 0;
  }
}

/** z[zo..] = dOut ⊙ [out > 0] over n values; returns their sum (the bias gradient's share). */
function reluMask(
  z: Float32Array,
  zo: number,
  dOut: Float32Array,
  out: Float32Array,
  o: number,
  n: number,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = out[o + i] > 0 ? dOut[o + i] : 0;
    z[zo + i] = d;
    sum += d;
  }
  return sum;
}

/** The geometry of a resolved conv layer. */
export function convGeometryOf(
  input: { channels: number; height: number; width: number },
  output: { channels: number; height: number; width: number },
  size: number,
  padding: 'same' | 'valid',
): ConvGeometry {
  return {
    channels: input.channels,
    height: input.height,
    width: input.width,
    filters: output.channels,
    size,
    padding: padding === 'same' ? (size - 1) / 2 : 0,
    outHeight: output.height,
    outWidth: output.width,
  };
}
