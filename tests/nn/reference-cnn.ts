// A deliberately plain float64 CNN (direct loops, no im2col, no kernels) that tests compare the engine against.
import type { Layer } from '../../src/nn/layer';
import type { Shape } from '../../src/nn/layer-shapes';

/** A map with its shape, (C, H, W) channel-major. */
export interface Map64 {
  readonly data: Float64Array;
  readonly shape: Shape;
}

/** Direct convolution with zero padding `pad`, stride 1, plus bias; no ReLU. W is (F, C, K, K). */
export function referenceConv(
  x: Map64,
  W: ArrayLike<number>,
  b: ArrayLike<number>,
  filters: number,
  size: number,
  pad: number,
): Map64 {
  const { channels, height, width } = x.shape;
  const outHeight = height + 2 * pad - size + 1;
  const outWidth = width + 2 * pad - size + 1;
  const data = new Float64Array(filters * outHeight * outWidth);
  for (let f = 0; f < filters; f++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++) {
        let sum = b[f];
        for (let c = 0; c < channels; c++)
          for (let ky = 0; ky < size; ky++)
            for (let kx = 0; kx < size; kx++) {
              const iy = oy + ky - pad;
              const ix = ox + kx - pad;
              if (iy < 0 || iy >= height || ix < 0 || ix >= width) continue;
              sum += W[((f * channels + c) * size + ky) * size + kx] * x.data[(c * height + iy) * width + ix];
            }
        data[(f * outHeight + oy) * outWidth + ox] = sum;
      }
  return { data, shape: { channels: filters, height: outHeight, width: outWidth } };
}

/** Max over S×S windows, stride S, leftover rows and columns dropped. */
export function referencePool(x: Map64, size: number): Map64 {
  const { channels, height, width } = x.shape;
  const outHeight = Math.floor(height / size);
  const outWidth = Math.floor(width / size);
  const data = new Float64Array(channels * outHeight * outWidth);
  for (let c = 0; c < channels; c++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++) {
        let max = -Infinity;
        for (let dy = 0; dy < size; dy++)
          for (let dx = 0; dx < size; dx++)
            max = Math.max(max, x.data[(c * height + oy * size + dy) * width + ox * size + dx]);
        data[(c * outHeight + oy) * outWidth + ox] = max;
      }
  return { data, shape: { channels, height: outHeight, width: outWidth } };
}

export function relu(x: Map64): Map64 {
  return { data: x.data.map((v) => Math.max(0, v)), shape: x.shape };
}

/** The logits of one sample through `layers` and the implied output layer (10 units, no ReLU). */
export function referenceLogits(
  layers: readonly Layer[],
  W: Float64Array[],
  b: Float64Array[],
  x: Map64,
): Float64Array {
  let a = x;
  let weighted = 0;
  const all: Layer[] = [...layers, { kind: 'dense', units: 10 }];
  all.forEach((layer, i) => {
    if (layer.kind === 'pool') {
      a = referencePool(a, layer.size);
      return;
    }
    let z: Map64;
    if (layer.kind === 'conv') {
      const pad = layer.padding === 'same' ? (layer.size - 1) / 2 : 0;
      z = referenceConv(a, W[weighted], b[weighted], layer.filters, layer.size, pad);
    } else {
      const inputs = a.data.length;
      const data = new Float64Array(layer.units);
      for (let j = 0; j < layer.units; j++) {
        let sum = b[weighted][j];
        for (let k = 0; k < inputs; k++) sum += W[weighted][j * inputs + k] * a.data[k];
        data[j] = sum;
      }
      z = { data, shape: { channels: layer.units, height: 1, width: 1 } };
    }
    weighted++;
    a = i < all.length - 1 ? relu(z) : z;
  });
  return a.data;
}

/** Mean softmax cross-entropy of `rows` samples of `shape` each, all in float64. */
export function referenceCnnLoss(
  layers: readonly Layer[],
  W: Float64Array[],
  b: Float64Array[],
  inputs: Float64Array,
  shape: Shape,
  labels: ArrayLike<number>,
  rows: number,
): number {
  const size = shape.channels * shape.height * shape.width;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const logits = referenceLogits(layers, W, b, { data: inputs.subarray(r * size, (r + 1) * size), shape });
    const max = Math.max(...logits);
    const logSum = Math.log(logits.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
    total += logSum - logits[labels[r]];
  }
  return total / rows;
}
