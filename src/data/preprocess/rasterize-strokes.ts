// Anti-aliased round-pen rasteriser in pure TypeScript: distance-to-segment coverage on a supersampled grid, then area-averaged down.
import { createGrayImage, type GrayImage } from './gray-image';
import type { PlacementTransform } from './resample';
import type { Stroke } from './strokes';

export interface RasterOptions {
  readonly width: number;
  readonly height: number;
  /** Pad coordinates to output pixels (output = pad * scale + offset). */
  readonly transform: PlacementTransform;
  /** Pen diameter in output pixels. */
  readonly penDiameter: number;
  /** Fine pixels per output pixel along each axis. */
  readonly supersample?: number;
}

const MIN_SPACING_SQUARED = 1;

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  // Math.hypot is several times slower in V8, and this is the rasteriser's inner loop.
  return Math.sqrt(ex * ex + ey * ey);
}

export function rasterizeStrokes(strokes: readonly Stroke[], options: RasterOptions): GrayImage {
  const ss = options.supersample ?? 4;
  const fineWidth = options.width * ss;
  const fineHeight = options.height * ss;
  const fine = new Float32Array(fineWidth * fineHeight);
  const { scale, offsetX, offsetY } = options.transform;
  // Radius in fine pixels; the +0.5 ramp gives each fine pixel a soft edge, so edges get more than ss*ss levels.
  const radius = (options.penDiameter / 2) * ss;
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    // Pointer samples are far denser than the output grid: points closer than a fine pixel add cost, not shape.
    const xs: number[] = [];
    const ys: number[] = [];
    stroke.forEach((p, i) => {
      const x = (p.x * scale + offsetX) * ss;
      const y = (p.y * scale + offsetY) * ss;
      const last = xs.length - 1;
      const isEnd = i === stroke.length - 1;
      if (last >= 0 && (x - xs[last]) ** 2 + (y - ys[last]) ** 2 < MIN_SPACING_SQUARED) {
        if (!isEnd || last === 0) return;
        xs.pop();
        ys.pop();
      }
      xs.push(x);
      ys.push(y);
    });
    // A single point (a tap) is a segment of length zero: a round dot.
    const segments = Math.max(1, xs.length - 1);
    for (let s = 0; s < segments; s++) {
      const ax = xs[s];
      const ay = ys[s];
      const bx = xs[Math.min(s + 1, xs.length - 1)];
      const by = ys[Math.min(s + 1, ys.length - 1)];
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 1));
      const x1 = Math.min(fineWidth - 1, Math.ceil(Math.max(ax, bx) + radius + 1));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radius - 1));
      const y1 = Math.min(fineHeight - 1, Math.ceil(Math.max(ay, by) + radius + 1));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const d = distanceToSegment(x + 0.5, y + 0.5, ax, ay, bx, by);
          const coverage = Math.min(1, Math.max(0, radius + 0.5 - d));
          const i = y * fineWidth + x;
          if (coverage > fine[i]) fine[i] = coverage;
        }
      }
    }
  }
  const output = createGrayImage(options.width, options.height);
  const area = ss * ss;
  for (let y = 0; y < options.height; y++) {
    for (let x = 0; x < options.width; x++) {
      let sum = 0;
      for (let fy = 0; fy < ss; fy++) {
        const row = (y * ss + fy) * fineWidth + x * ss;
        for (let fx = 0; fx < ss; fx++) sum += fine[row + fx];
      }
      output.data[y * options.width + x] = sum / area;
    }
  }
  return output;
}
