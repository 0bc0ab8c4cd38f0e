// Shared measurements for the preprocessing tests: ink box and simple synthetic strokes.
import type { Stroke } from '../../../src/data/preprocess/strokes';

export interface Box {
  width: number;
  height: number;
}

/** Size of the box of pixels clearly inked (above `threshold`) in a 28x28 image. */
export function inkBox(image: Float32Array, threshold = 0.1, side = 28): Box {
  let left = side;
  let right = -1;
  let top = side;
  let bottom = -1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (image[y * side + x] > threshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { width: right - left + 1, height: bottom - top + 1 };
}

/** A polyline sampled densely, as a pointer would deliver it. */
export function polyline(points: readonly [number, number][], step = 3): Stroke {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let s = 0; s < n; s++) out.push({ x: ax + ((bx - ax) * s) / n, y: ay + ((by - ay) * s) / n });
  }
  const [lx, ly] = points[points.length - 1];
  out.push({ x: lx, y: ly });
  return out;
}

/** A "7" drawn in a box at (x, y) of the given size on the pad. */
export function seven(x: number, y: number, size: number): Stroke[] {
  return [
    polyline([
      [x, y],
      [x + size * 0.6, y],
      [x + size * 0.25, y + size],
    ]),
  ];
}

export function meanAbsoluteDifference(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}
