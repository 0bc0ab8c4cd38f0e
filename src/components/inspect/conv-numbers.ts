// The numbers "How it works" shows for a CNN: one output pixel's patch and kernel, a pooling window, a filter's gradient.

/** A map's channels × height × width, stored channel-major. */
export interface Shape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** A pixel of a channel-major (C, H, W) map. */
export interface MapPixel {
  readonly channel: number;
  readonly y: number;
  readonly x: number;
  readonly value: number;
}

/** The map's largest value and where it is (the first in channel-major order on a tie). */
export function strongestPixel(map: Float32Array, shape: Shape): MapPixel {
  let best = 0;
  for (let i = 1; i < map.length; i++) if (map[i] > map[best]) best = i;
  const plane = shape.height * shape.width;
  const channel = Math.floor(best / plane);
  const within = best - channel * plane;
  return { channel, y: Math.floor(within / shape.width), x: within % shape.width, value: map[best] };
}

/** One channel's largest value and where it is. */
export function channelPeak(map: Float32Array, shape: Shape, channel: number): MapPixel {
  const plane = shape.height * shape.width;
  let best = 0;
  for (let i = 1; i < plane; i++) if (map[channel * plane + i] > map[channel * plane + best]) best = i;
  return {
    channel,
    y: Math.floor(best / shape.width),
    x: best % shape.width,
    value: map[channel * plane + best],
  };
}

/** The input value at (c, y, x), zero outside the map (the zero padding). */
function at(input: Float32Array, shape: Shape, c: number, y: number, x: number): number {
  if (y < 0 || y >= shape.height || x < 0 || x >= shape.width) return 0;
  return input[(c * shape.height + y) * shape.width + x];
}

export interface ConvPixelNumbers {
  /** Input channel c's K×K patch under the output pixel, row-major: patch[c][u·K + v]. */
  readonly patch: Float64Array[];
  /** The filter's K×K kernel per input channel, as patch. */
  readonly kernel: Float64Array[];
  readonly bias: number;
  /** Σ patch·kernel + bias. */
  readonly z: number;
  /** ReLU(z). */
  readonly value: number;
}

/** z_{f,y,x} = Σ_{c,u,v} W_{f,c,u,v} · a_{c, y+u−p, x+v−p} + b_f, written out for one output pixel. */
export function convPixel(
  input: Float32Array,
  inShape: Shape,
  W: Float32Array,
  b: Float32Array,
  filter: number,
  y: number,
  x: number,
  size: number,
  padding: number,
): ConvPixelNumbers {
  const patch: Float64Array[] = [];
  const kernel: Float64Array[] = [];
  let z = b[filter];
  for (let c = 0; c < inShape.channels; c++) {
    const p = new Float64Array(size * size);
    const k = new Float64Array(size * size);
    for (let u = 0; u < size; u++) {
      for (let v = 0; v < size; v++) {
        p[u * size + v] = at(input, inShape, c, y + u - padding, x + v - padding);
        k[u * size + v] = W[((filter * inShape.channels + c) * size + u) * size + v];
        z += p[u * size + v] * k[u * size + v];
      }
    }
    patch.push(p);
    kernel.push(k);
  }
  return { patch, kernel, bias: b[filter], z, value: Math.max(0, z) };
}

export interface PoolWindowNumbers {
  /** The S×S window, row-major. */
  readonly window: Float64Array;
  /** Index in `window` of the maximum (the first on a tie, as the engine picks). */
  readonly winner: number;
  readonly value: number;
}

/** m_{c,i,j} = max over the S×S window at (S·i, S·j) of channel c. */
export function poolWindow(
  input: Float32Array,
  inShape: Shape,
  channel: number,
  i: number,
  j: number,
  size: number,
): PoolWindowNumbers {
  const window = new Float64Array(size * size);
  let winner = 0;
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      window[u * size + v] = at(input, inShape, channel, size * i + u, size * j + v);
      if (window[u * size + v] > window[winner]) winner = u * size + v;
    }
  }
  return { window, winner, value: window[winner] };
}

/**
 * ∂L/∂W_{f,c,u,v} = Σ_{y,x} δ_{f,y,x} · a_{c, y+u−p, x+v−p}: the layer's input correlated with its output
 * gradient δ = ∂L/∂z (outShape maps). Returns the K×K kernel gradient of filter f for input channel c.
 */
export function filterGradient(
  input: Float32Array,
  inShape: Shape,
  delta: Float32Array,
  outShape: Shape,
  filter: number,
  channel: number,
  size: number,
  padding: number,
): Float64Array {
  const gradient = new Float64Array(size * size);
  const plane = outShape.height * outShape.width;
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      let sum = 0;
      for (let y = 0; y < outShape.height; y++) {
        for (let x = 0; x < outShape.width; x++) {
          const d = delta[filter * plane + y * outShape.width + x];
          if (d !== 0) sum += d * at(input, inShape, channel, y + u - padding, x + v - padding);
        }
      }
      gradient[u * size + v] = sum;
    }
  }
  return gradient;
}
