// The stroke-width normalisation experiment of the robustness measure: estimate pen width, thin digits drawn too thick.
import { SIDE } from './robustness-distortions';

/**
 * Pen width estimated as ink area over half the outline length (a stroke of width w and length L has area w*L
 * and outline about 2L); the outline is the total variation of the image, so anti-aliased edges count fairly.
 */
export function estimateStrokeWidth(image: Float32Array): number {
  let mass = 0;
  let variation = 0;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const v = image[y * SIDE + x];
      mass += v;
      if (x + 1 < SIDE) variation += Math.abs(image[y * SIDE + x + 1] - v);
      if (y + 1 < SIDE) variation += Math.abs(image[(y + 1) * SIDE + x] - v);
    }
  }
  return variation > 0 ? (2 * mass) / variation : 0;
}

/** A 3x3 minimum filter (grey erosion): takes about one pixel off each side of every stroke. */
export function minFilter3x3(image: Float32Array): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let m = 1;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          m = Math.min(m, yy >= 0 && xx >= 0 && yy < SIDE && xx < SIDE ? image[yy * SIDE + xx] : 0);
        }
      }
      out[y * SIDE + x] = m;
    }
  }
  return out;
}

/** Thins a preprocessed 28x28 digit whose estimated pen width is above `maxWidth` pixels; others pass unchanged. */
export function normaliseStrokeWidth(image: Float32Array, maxWidth: number): Float32Array {
  return estimateStrokeWidth(image) > maxWidth ? minFilter3x3(image) : image;
}
