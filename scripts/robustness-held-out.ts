// Distortions held out of training for the robustness measure: families and strengths the augmentation never
// draws (larger rotations, perspective, pen width changing along the stroke, elastic fields of other scales).
import { createElasticFieldBank, type ElasticFieldBank } from '../src/nn/elastic-fields';
import { SeededRandom } from '../src/nn/random';
import { SIDE } from './robustness-distortions';

const CENTRE = (SIDE - 1) / 2;

/** Bilinear read of a 28x28 digit at (u, v); blank outside. */
function sampleAt(digit: Float32Array, u: number, v: number): number {
  const x0 = Math.floor(u);
  const y0 = Math.floor(v);
  const fx = u - x0;
  const fy = v - y0;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : digit[y * SIDE + x]);
  const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
  const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
  return top + (bottom - top) * fy;
}

/** The digit resampled through `source`, which says where output pixel (x, y) reads from. */
export function warpDigit(
  digit: Float32Array,
  source: (x: number, y: number) => readonly [number, number],
): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const [u, v] = source(x, y);
      out[y * SIDE + x] = Math.min(1, Math.max(0, sampleAt(digit, u, v)));
    }
  }
  return out;
}

/** Rotated by `degrees` (positive: clockwise on screen) about the frame's centre. */
export function rotateDigit(digit: Float32Array, degrees: number): Float32Array {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Output (x, y) reads the source rotated back by the angle.
  return warpDigit(digit, (x, y) => {
    const rx = x - CENTRE;
    const ry = y - CENTRE;
    return [cos * rx + sin * ry + CENTRE, -sin * rx + cos * ry + CENTRE];
  });
}

/** A 3x3 projective map as [h0..h7] with h8 = 1: (x, y) → ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w). */
export type Homography = readonly number[];

/** The homography taking the four `from` points to the four `to` points (Gaussian elimination on 8 unknowns). */
export function homography(
  from: readonly (readonly [number, number])[],
  to: readonly (readonly [number, number])[],
): Homography {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[pivot][col])) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = rows[r][col] / rows[col][col];
      for (let c = col; c < 9; c++) rows[r][c] -= f * rows[col][c];
    }
  }
  return rows.map((row, i) => row[8] / row[i]);
}

/**
 * Seen in perspective: the frame's square drawn as a trapezoid whose near edge keeps its length and whose far
 * edge shrinks by `narrowing` (0.3 = 30%), the far edge at the top, right, bottom or left by `side` 0–3.
 */
export function perspectiveDigit(digit: Float32Array, narrowing: number, side: number): Float32Array {
  const lo = -0.5;
  const hi = SIDE - 0.5;
  const inset = (narrowing * SIDE) / 2;
  // Corners of the square, clockwise from top-left, and where the picture puts them.
  const square: [number, number][] = [
    [lo, lo],
    [hi, lo],
    [hi, hi],
    [lo, hi],
  ];
  const picture = square.map(([x, y]): [number, number] => [x, y]);
  const far = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
  ][side % 4];
  const [a, b] = far;
  const along: [number, number] = [
    (square[b][0] - square[a][0]) / SIDE,
    (square[b][1] - square[a][1]) / SIDE,
  ];
  picture[a] = [square[a][0] + along[0] * inset, square[a][1] + along[1] * inset];
  picture[b] = [square[b][0] - along[0] * inset, square[b][1] - along[1] * inset];
  // Output pixels read through the inverse: picture → square.
  const h = homography(picture, square);
  return warpDigit(digit, (x, y) => {
    const w = h[6] * x + h[7] * y + 1;
    return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
  });
}

/**
 * The pen width changing along the stroke, as a pressure-sensitive pen draws: blended towards the 3x3 dilation
 * on one side of a line through the centre at `degrees`, towards the erosion by the 4-neighbourhood on the other
 * (it thins a stroke without erasing it, as the 3x3 one would), smoothly in between. Training changes the
 * whole digit's width at once.
 */
export function localThicknessDigit(digit: Float32Array, degrees: number, strength: number): Float32Array {
  const angle = (degrees * Math.PI) / 180;
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let max = 0;
      let min = 1;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          const v = xx < 0 || yy < 0 || xx >= SIDE || yy >= SIDE ? 0 : digit[yy * SIDE + xx];
          max = Math.max(max, v);
          if (dx === 0 || dy === 0) min = Math.min(min, v);
        }
      }
      // Position along the normal, −1 … 1 across the digit's usual 20 px box.
      const t = Math.max(-1, Math.min(1, ((x - CENTRE) * nx + (y - CENTRE) * ny) / 10));
      const v = digit[y * SIDE + x];
      const weight = strength * Math.abs(t);
      out[y * SIDE + x] = t >= 0 ? v + weight * (max - v) : v + weight * (min - v);
    }
  }
  return out;
}

/** Elastic fields of a scale and strength the augmentation does not use, from a bank of their own. */
export class HeldOutElastic {
  readonly sigma: number;
  readonly alpha: number;
  /** Made on the first digit, not when the conditions are listed (`--help` and a bad option need none). */
  private bank: ElasticFieldBank | null = null;

  constructor(sigma: number, alpha: number) {
    this.sigma = sigma;
    this.alpha = alpha;
  }

  /** Digit n bent by field n of the bank (wrapping round). */
  distort(digit: Float32Array, n: number): Float32Array {
    const bank = (this.bank ??= createElasticFieldBank(SIDE, this.sigma, 512));
    const pixels = SIDE * SIDE;
    const at = (n % bank.count) * 2 * pixels;
    const fields = bank.fields;
    return warpDigit(digit, (x, y) => {
      const p = y * SIDE + x;
      return [x + this.alpha * fields[at + p], y + this.alpha * fields[at + pixels + p]];
    });
  }
}

/** A fixed sign, side or angle for digit n, so every model sees the same distorted digit. */
export function variantOf(n: number, salt: number, count: number): number {
  return new SeededRandom(n * 7919 + salt).nextInt(count);
}
