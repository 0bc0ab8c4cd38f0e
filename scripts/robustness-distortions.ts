// The four displacements of the robustness measure (issue 6), applied to one 28x28 MNIST digit with values in [0, 1].

export const SIDE = 28;
export const ENLARGED_SIDE = 42;

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** (a) Shifted so the bounding box of its non-zero pixels touches the top-left corner. */
export function shiftToTopLeft(digit: Float32Array): Float32Array {
  let left = SIDE;
  let top = SIDE;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (digit[y * SIDE + x] > 0) {
        left = Math.min(left, x);
        top = Math.min(top, y);
      }
    }
  }
  const out = new Float32Array(SIDE * SIDE);
  if (left === SIDE) return out;
  for (let y = top; y < SIDE; y++) {
    for (let x = left; x < SIDE; x++) out[(y - top) * SIDE + (x - left)] = digit[y * SIDE + x];
  }
  return out;
}

/** (b) Shrunk to 50% by averaging each 2x2 block, the 14x14 result placed at the centre of the frame. */
export function shrinkToHalf(digit: Float32Array): Float32Array {
  const half = SIDE / 2;
  const margin = (SIDE - half) / 2;
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < half; y++) {
    for (let x = 0; x < half; x++) {
      const i = 2 * y * SIDE + 2 * x;
      out[(y + margin) * SIDE + x + margin] =
        (digit[i] + digit[i + 1] + digit[i + SIDE] + digit[i + SIDE + 1]) / 4;
    }
  }
  return out;
}

/** (c) Enlarged to 150% by bilinear interpolation (pixel centres aligned), filling a 42x42 frame. */
export function enlargeTo150(digit: Float32Array): Raster {
  const n = ENLARGED_SIDE;
  const data = new Float32Array(n * n);
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : digit[y * SIDE + x]);
  for (let y = 0; y < n; y++) {
    const v = (y + 0.5) / 1.5 - 0.5;
    const y0 = Math.floor(v);
    const ty = v - y0;
    for (let x = 0; x < n; x++) {
      const u = (x + 0.5) / 1.5 - 0.5;
      const x0 = Math.floor(u);
      const tx = u - x0;
      data[y * n + x] =
        (1 - ty) * ((1 - tx) * at(x0, y0) + tx * at(x0 + 1, y0)) +
        ty * ((1 - tx) * at(x0, y0 + 1) + tx * at(x0 + 1, y0 + 1));
    }
  }
  return { width: n, height: n, data };
}

/** What a 28x28 network sees of the 42x42 enlargement without preprocessing: the central 28x28 window. */
export function centreWindow(enlarged: Raster): Float32Array {
  const offset = (enlarged.width - SIDE) / 2;
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++)
      out[y * SIDE + x] = enlarged.data[(y + offset) * enlarged.width + x + offset];
  }
  return out;
}

/** (d) Thickened: every pixel becomes the maximum of its 3x3 neighbourhood. */
export function maxFilter3x3(digit: Float32Array): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < SIDE && xx < SIDE) m = Math.max(m, digit[yy * SIDE + xx]);
        }
      }
      out[y * SIDE + x] = m;
    }
  }
  return out;
}
