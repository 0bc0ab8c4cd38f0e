// A conv layer's forward and backward passes over a batch: each output pixel's patch (a row of im2colᵀ) listed
// without its zeros and summed by weightedRowSum, so blank pixels and ReLU-clipped gradients cost nothing.
import { listNonZero } from './nonzero-list';
import { transpose } from './transpose';
import { weightedRowSum } from './weighted-row-sum';

const align16 = (bytes: usize): usize => (bytes + 15) & ~(<usize>15);

/**
 * row[(c·K + ky)·K + kx] = x[c][oy + ky − pad][ox + kx − pad], 0 outside the map: output pixel (oy, ox)'s
 * patch, the pixel's row of im2colᵀ (its column of im2col).
 */
function patchRow(
  row: usize,
  x: usize,
  channels: i32,
  height: i32,
  width: i32,
  size: i32,
  padding: i32,
  oy: i32,
  ox: i32,
): void {
  const lineBytes = (<usize>width) << 2;
  const planeBytes = <usize>height * lineBytes;
  const left = ox - padding;
  const inside = left >= 0 && left + size <= width;
  let q = row;
  for (let c: i32 = 0; c < channels; c++) {
    const plane = x + <usize>c * planeBytes;
    for (let ky: i32 = 0; ky < size; ky++) {
      const iy = oy + ky - padding;
      if (iy < 0 || iy >= height) {
        for (let kx: i32 = 0; kx < size; kx++) store<f32>(q + ((<usize>kx) << 2), 0);
      } else {
        const line = plane + <usize>iy * lineBytes;
        if (inside) {
          const from = line + ((<usize>left) << 2);
          let kx: i32 = 0;
          for (; kx + 4 <= size; kx += 4) {
            v128.store(q + ((<usize>kx) << 2), v128.load(from + ((<usize>kx) << 2)));
          }
          for (; kx < size; kx++) store<f32>(q + ((<usize>kx) << 2), load<f32>(from + ((<usize>kx) << 2)));
        } else {
          for (let kx: i32 = 0; kx < size; kx++) {
            const ix = left + kx;
            store<f32>(
              q + ((<usize>kx) << 2),
              ix >= 0 && ix < width ? load<f32>(line + ((<usize>ix) << 2)) : 0,
            );
          }
        }
      }
      q += (<usize>size) << 2;
    }
  }
}

/** The adjoint of patchRow: row's values added back onto the map under pixel (oy, ox)'s patch. */
function addPatchRow(
  dx: usize,
  row: usize,
  channels: i32,
  height: i32,
  width: i32,
  size: i32,
  padding: i32,
  oy: i32,
  ox: i32,
): void {
  const lineBytes = (<usize>width) << 2;
  const planeBytes = <usize>height * lineBytes;
  const left = ox - padding;
  const first = max(0, -left);
  const last = min(size, width - left);
  let q = row;
  for (let c: i32 = 0; c < channels; c++) {
    const plane = dx + <usize>c * planeBytes;
    for (let ky: i32 = 0; ky < size; ky++) {
      const iy = oy + ky - padding;
      if (iy >= 0 && iy < height) {
        const line = plane + <usize>iy * lineBytes + ((<usize>(left + first)) << 2);
        const from = q + ((<usize>first) << 2);
        const count = last - first;
        let kx: i32 = 0;
        for (; kx + 4 <= count; kx += 4) {
          const at = line + ((<usize>kx) << 2);
          v128.store(at, f32x4.add(v128.load(at), v128.load(from + ((<usize>kx) << 2))));
        }
        for (; kx < count; kx++) {
          const at = line + ((<usize>kx) << 2);
          store<f32>(at, load<f32>(at) + load<f32>(from + ((<usize>kx) << 2)));
        }
      }
      q += (<usize>size) << 2;
    }
  }
}

/** Inputs with fewer non-zero values than this share go the scatter way: a map of mostly blank pixels. */
const SCATTER_BELOW: f32 = 0.3;

/** The share of non-zero values among `length` floats at x. */
function nonZeroShare(x: usize, length: i32): f32 {
  const zero = f32x4.splat(0);
  let zeros = i32x4.splat(0);
  let i: i32 = 0;
  for (; i + 4 <= length; i += 4) zeros = i32x4.sub(zeros, f32x4.eq(v128.load(x + ((<usize>i) << 2)), zero));
  let count = i32x4.extract_lane(zeros, 0) + i32x4.extract_lane(zeros, 1);
  count += i32x4.extract_lane(zeros, 2) + i32x4.extract_lane(zeros, 3);
  for (; i < length; i++) count += i32(load<f32>(x + ((<usize>i) << 2)) == 0);
  return <f32>(length - count) / <f32>max(1, length);
}

/** y[0 .. n) += a · x[0 .. n). */
function addScaled(y: usize, x: usize, a: f32, n: i32): void {
  const s = f32x4.splat(a);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(y + at, f32x4.add(v128.load(y + at), f32x4.mul(s, v128.load(x + at))));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    store<f32>(y + at, load<f32>(y + at) + a * load<f32>(x + at));
  }
}

/**
 * For every non-zero input value v at (c, iy, ix) and every kernel offset (ky, kx) that puts it under an
 * output pixel p: acc[q] += v · from[p] when `toPatch` (acc rows per patch index q, `from` rows per pixel),
 * else acc[p] += v · from[q]; rows are `width` floats. The forward pass (Zᵀ += v · Wᵀ[q]) and the filter
 * gradient (dWᵀ[q] += v · dZᵀ[p]) of a map that is mostly zeros, in work proportional to its non-zeros.
 */
function scatterNonZero(
  acc: usize,
  from: usize,
  rowWidth: i32,
  toPatch: bool,
  x: usize,
  channels: i32,
  height: i32,
  width: i32,
  size: i32,
  padding: i32,
  outHeight: i32,
  outWidth: i32,
): void {
  const rowBytes = (<usize>rowWidth) << 2;
  let at = x;
  for (let c: i32 = 0; c < channels; c++) {
    for (let iy: i32 = 0; iy < height; iy++) {
      for (let ix: i32 = 0; ix < width; ix++) {
        const v = load<f32>(at);
        at += 4;
        if (v == 0) continue;
        const kyFirst = max(0, iy + padding - outHeight + 1);
        const kyLast = min(size, iy + padding + 1);
        const kxFirst = max(0, ix + padding - outWidth + 1);
        const kxLast = min(size, ix + padding + 1);
        for (let ky = kyFirst; ky < kyLast; ky++) {
          const rowOfPixels = (iy + padding - ky) * outWidth + ix + padding;
          for (let kx = kxFirst; kx < kxLast; kx++) {
            const p = <usize>(rowOfPixels - kx);
            const q = <usize>((c * size + ky) * size + kx);
            if (toPatch) addScaled(acc + q * rowBytes, from + p * rowBytes, v, rowWidth);
            else addScaled(acc + p * rowBytes, from + q * rowBytes, v, rowWidth);
          }
        }
      }
    }
  }
}

/** Bytes of scratch convForward needs. */
export function convForwardScratch(channels: i32, filters: i32, size: i32, pixels: i32): usize {
  const patch = <usize>(channels * size * size);
  const zT = align16(<usize>pixels * <usize>filters * 4);
  return align16(patch * <usize>filters * 4) + 3 * align16(patch * 4) + zT;
}

/**
 * out (batch × F×outH×outW) = relu(W ⊛ x + b) for W (F, C·K·K), input (batch × C×H×W). Per output pixel: its
 * patch, listed without zeros, weights the rows of Wᵀ (transposed once into scratch), giving the pixel's F
 * pre-activations, a row of Zᵀ (a mostly blank input scatters into Zᵀ instead). Zᵀ is then transposed into
 * the sample's maps and bias+ReLU runs along them: writing each pixel's F values straight into the F maps,
 * strided, cost 12–20% of a whole step. The TypeScript twin (conv2d.ts) sums the same terms, zeros included,
 * as matrix products, in another order.
 */
export function convForward(
  out: usize,
  input: usize,
  w: usize,
  bias: usize,
  batch: i32,
  channels: i32,
  height: i32,
  width: i32,
  filters: i32,
  size: i32,
  padding: i32,
  outHeight: i32,
  outWidth: i32,
  scratch: usize,
): void {
  const patch = channels * size * size;
  const pixels = outHeight * outWidth;
  const patchBytes = align16((<usize>patch) << 2);
  const wT = scratch;
  const row = wT + align16(<usize>patch * <usize>filters * 4);
  const rows = row + patchBytes;
  const weights = rows + patchBytes;
  transpose(wT, w, filters, patch);
  const inBytes = (<usize>(channels * height * width)) << 2;
  const outBytes = (<usize>(filters * pixels)) << 2;
  const planeBytes = (<usize>pixels) << 2;
  const filterBytes = (<usize>filters) << 2;
  const zT = weights + patchBytes;
  const inSize = channels * height * width;
  const scatter = nonZeroShare(input, batch * inSize) < SCATTER_BELOW;
  for (let n: i32 = 0; n < batch; n++) {
    const x = input + <usize>n * inBytes;
    const o = out + <usize>n * outBytes;
    if (scatter) {
      memory.fill(zT, 0, <usize>pixels * filterBytes);
      scatterNonZero(zT, wT, filters, false, x, channels, height, width, size, padding, outHeight, outWidth);
    } else {
      for (let oy: i32 = 0; oy < outHeight; oy++) {
        for (let ox: i32 = 0; ox < outWidth; ox++) {
          patchRow(row, x, channels, height, width, size, padding, oy, ox);
          const count = listNonZero(rows, weights, row, 4, patch, wT, filterBytes);
          weightedRowSum(zT + <usize>(oy * outWidth + ox) * filterBytes, rows, weights, count, filters, 0);
        }
      }
    }
    transpose(o, zT, pixels, filters);
    for (let f: i32 = 0; f < filters; f++)
      biasRelu(o + <usize>f * planeBytes, load<f32>(bias + ((<usize>f) << 2)), pixels);
  }
}

/** x[0 .. n) = max(0, x + b); pmax(0, v) is `v > 0 ? v : 0` (NaN → 0), as the twin's. */
function biasRelu(x: usize, b: f32, n: i32): void {
  const zero = f32x4.splat(0);
  const bias = f32x4.splat(b);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = x + ((<usize>i) << 2);
    v128.store(at, f32x4.pmax(zero, f32x4.add(v128.load(at), bias)));
  }
  for (; i < n; i++) {
    const at = x + ((<usize>i) << 2);
    const v = load<f32>(at) + b;
    store<f32>(at, v > 0 ? v : 0);
  }
}

/** dZ = dOut ⊙ [out > 0] over n values, four at a time; returns their sum (the bias gradient's share). */
function reluMask(dZ: usize, dOut: usize, out: usize, n: i32): f32 {
  const zero = f32x4.splat(0);
  let sums = zero;
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    const d = v128.and(v128.load(dOut + at), f32x4.gt(v128.load(out + at), zero));
    v128.store(dZ + at, d);
    sums = f32x4.add(sums, d);
  }
  let sum = f32x4.extract_lane(sums, 0) + f32x4.extract_lane(sums, 1);
  sum += f32x4.extract_lane(sums, 2) + f32x4.extract_lane(sums, 3);
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    const d: f32 = load<f32>(out + at) > 0 ? load<f32>(dOut + at) : 0;
    store<f32>(dZ + at, d);
    sum += d;
  }
  return sum;
}

/** Bytes of scratch convBackward needs. */
export function convBackwardScratch(channels: i32, filters: i32, size: i32, pixels: i32): usize {
  const patch = <usize>(channels * size * size);
  const list = align16(<usize>max(pixels, max(filters, <i32>patch)) * 4);
  const transposed = align16(<usize>pixels * <usize>filters * 4) + align16(patch * <usize>filters * 4);
  return 2 * list + align16(patch * 4) + transposed;
}

/**
 * From dOut (the gradient of the post-ReLU output): dZ = dOut ⊙ [out > 0] into `dZ` (F×outH·outW, one
 * sample), db = Σ dZ, dW = Σ_n dZ_n · im2colᵀ_n (dZ's rows listed without zeros over the rows of im2colᵀ, built
 * per sample in `colT`, (outH·outW)×(C·K·K)), and, unless dInput is 0, dInput = col2im(Wᵀ · dZ_n): per pixel,
 * its column of dZ listed without zeros weights the rows of W, and the patch gradient is added onto the map.
 * `dWn` (F×C·K·K) holds one sample's dW, added in order as the twin does.
 */
export function convBackward(
  dInput: usize,
  dW: usize,
  db: usize,
  dOut: usize,
  out: usize,
  input: usize,
  w: usize,
  batch: i32,
  channels: i32,
  height: i32,
  width: i32,
  filters: i32,
  size: i32,
  padding: i32,
  outHeight: i32,
  outWidth: i32,
  colT: usize,
  dZ: usize,
  dWn: usize,
  scratch: usize,
): void {
  const patch = channels * size * size;
  const pixels = outHeight * outWidth;
  const patchBytes = (<usize>patch) << 2;
  const list = align16(<usize>max(pixels, max(filters, patch)) * 4);
  const rows = scratch;
  const weights = rows + list;
  const row = weights + list;
  const dZT = row + align16(patchBytes);
  const dWT = dZT + align16(<usize>pixels * <usize>filters * 4);
  const weightCount = filters * patch;
  const scatter = nonZeroShare(input, batch * channels * height * width) < SCATTER_BELOW;
  memory.fill(dW, 0, (<usize>weightCount) << 2);
  memory.fill(dWT, 0, (<usize>weightCount) << 2);
  memory.fill(db, 0, (<usize>filters) << 2);
  const inBytes = (<usize>(channels * height * width)) << 2;
  const planeBytes = (<usize>pixels) << 2;
  const outBytes = <usize>filters * planeBytes;
  for (let n: i32 = 0; n < batch; n++) {
    const sampleOut = out + <usize>n * outBytes;
    const sampleDOut = dOut + <usize>n * outBytes;
    for (let f: i32 = 0; f < filters; f++) {
      const plane = <usize>f * planeBytes;
      const sum = reluMask(dZ + plane, sampleDOut + plane, sampleOut + plane, pixels);
      store<f32>(db + ((<usize>f) << 2), load<f32>(db + ((<usize>f) << 2)) + sum);
    }
    const x = input + <usize>n * inBytes;
    if (scatter) {
      transpose(dZT, dZ, filters, pixels);
      scatterNonZero(dWT, dZT, filters, true, x, channels, height, width, size, padding, outHeight, outWidth);
    } else {
      for (let oy: i32 = 0; oy < outHeight; oy++) {
        for (let ox: i32 = 0; ox < outWidth; ox++) {
          const p = <usize>(oy * outWidth + ox);
          patchRow(colT + p * patchBytes, x, channels, height, width, size, padding, oy, ox);
        }
      }
      for (let f: i32 = 0; f < filters; f++) {
        const count = listNonZero(rows, weights, dZ + <usize>f * planeBytes, 4, pixels, colT, patchBytes);
        weightedRowSum(dWn + <usize>f * patchBytes, rows, weights, count, patch, 0);
      }
      let i: i32 = 0;
      for (; i + 4 <= weightCount; i += 4) {
        const at = (<usize>i) << 2;
        v128.store(dW + at, f32x4.add(v128.load(dW + at), v128.load(dWn + at)));
      }
      for (; i < weightCount; i++) {
        const at = (<usize>i) << 2;
        store<f32>(dW + at, load<f32>(dW + at) + load<f32>(dWn + at));
      }
    }
    if (dInput == 0) continue;
    const dx = dInput + <usize>n * inBytes;
    memory.fill(dx, 0, inBytes);
    for (let oy: i32 = 0; oy < outHeight; oy++) {
      for (let ox: i32 = 0; ox < outWidth; ox++) {
        const p = <usize>(oy * outWidth + ox);
        const count = listNonZero(rows, weights, dZ + (p << 2), planeBytes, filters, w, patchBytes);
        if (count == 0) continue;
        weightedRowSum(row, rows, weights, count, patch, 0);
        addPatchRow(dx, row, channels, height, width, size, padding, oy, ox);
      }
    }
  }
  if (scatter) transpose(dW, dWT, patch, filters);
}

/**
 * Max-pooling over S×S windows with stride S of `planes` maps H×W: out = each window's maximum, argmax = its
 * index in the input (ties to the first in row-major order), as max-pool.ts's twin does.
 */
export function maxPoolForward(
  out: usize,
  argmax: usize,
  input: usize,
  planes: i32,
  height: i32,
  width: i32,
  size: i32,
  outHeight: i32,
  outWidth: i32,
): void {
  let o: usize = 0;
  for (let p: i32 = 0; p < planes; p++) {
    const plane = p * height * width;
    for (let oy: i32 = 0; oy < outHeight; oy++) {
      let ox: i32 = 0;
      if (size == 2) {
        for (; ox + 4 <= outWidth; ox += 4) {
          poolTwoByTwo(out + o, argmax + o, input, plane + oy * 2 * width + ox * 2, width);
          o += 16;
        }
      }
      for (; ox < outWidth; ox++) {
        const corner = plane + oy * size * width + ox * size;
        let best = corner;
        let max = load<f32>(input + ((<usize>corner) << 2));
        for (let dy: i32 = 0; dy < size; dy++) {
          const row = corner + dy * width;
          for (let dx: i32 = 0; dx < size; dx++) {
            const v = load<f32>(input + ((<usize>(row + dx)) << 2));
            if (v > max) {
              max = v;
              best = row + dx;
            }
          }
        }
        store<f32>(out + o, max);
        store<i32>(argmax + o, best);
        o += 4;
      }
    }
  }
}

/**
 * Four 2×2 windows side by side, corners at input index `corner`, 2 apart: lanes compare in the window's
 * row-major order with `>`, so ties keep the first maximum, as the scalar loop does.
 */
function poolTwoByTwo(out: usize, argmax: usize, input: usize, corner: i32, width: i32): void {
  const top = input + ((<usize>corner) << 2);
  const bottom = top + ((<usize>width) << 2);
  const t0 = v128.load(top);
  const t1 = v128.load(top, 16);
  const b0 = v128.load(bottom);
  const b1 = v128.load(bottom, 16);
  const topLeft = v128.shuffle<f32>(t0, t1, 0, 2, 4, 6);
  const topRight = v128.shuffle<f32>(t0, t1, 1, 3, 5, 7);
  const bottomLeft = v128.shuffle<f32>(b0, b1, 0, 2, 4, 6);
  const bottomRight = v128.shuffle<f32>(b0, b1, 1, 3, 5, 7);
  let best = i32x4.add(i32x4.splat(corner), i32x4(0, 2, 4, 6));
  let max = topLeft;
  let wins = f32x4.gt(topRight, max);
  max = v128.bitselect(topRight, max, wins);
  best = v128.bitselect(i32x4.add(best, i32x4.splat(1)), best, wins);
  const below = i32x4.add(i32x4.splat(corner + width), i32x4(0, 2, 4, 6));
  wins = f32x4.gt(bottomLeft, max);
  max = v128.bitselect(bottomLeft, max, wins);
  best = v128.bitselect(below, best, wins);
  wins = f32x4.gt(bottomRight, max);
  max = v128.bitselect(bottomRight, max, wins);
  best = v128.bitselect(i32x4.add(below, i32x4.splat(1)), best, wins);
  v128.store(out, max);
  v128.store(argmax, best);
}
