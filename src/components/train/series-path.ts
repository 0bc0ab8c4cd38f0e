// The maths of the chart layers (the live run and earlier ones): linear scales from an axis' domain to pixels,
// a series as one SVG path, and the point nearest a pointer.
import type { AxisScale } from './chart-axes';
import type { PlotArea } from './chart-plot-area';
import type { ChartPoint } from './chart-series';

export interface LinearScale {
  /** Pixel of a data value; values outside the domain land outside the range (the layer clips them). */
  readonly at: (value: number) => number;
  /** Data value of a pixel. */
  readonly invert: (pixel: number) => number;
}

/**
 * Maps `domain` onto `range` as d3's scaleLinear does (interpolating `r0·(1−t) + r1·t`), so a live line lands on
 * the same pixels as recharts' lines over it. An empty domain maps everything to the middle of the range.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return {
    at: (value) => {
      const t = span === 0 ? 0.5 : (value - d0) / span;
      return r0 * (1 - t) + r1 * t;
    },
    invert: (pixel) => (r1 === r0 ? d0 : d0 + ((pixel - r0) / (r1 - r0)) * span),
  };
}

/** x grows to the right across the plot, y upwards (SVG's y grows downwards). */
export function plotScales(
  plot: PlotArea,
  xAxis: AxisScale,
  yAxis: AxisScale,
): { readonly x: LinearScale; readonly y: LinearScale } {
  return {
    x: linearScale(xAxis.domain, [plot.left, plot.left + plot.width]),
    y: linearScale(yAxis.domain, [plot.top + plot.height, plot.top]),
  };
}

export interface Pixel {
  readonly x: number;
  readonly y: number;
}

export interface SeriesPath {
  /** "M x,yL x,y…", one command per drawn point; "" when nothing is drawn. */
  readonly d: string;
  /** How many points the path visits: a path of one point draws nothing, so the layer draws a dot instead. */
  readonly vertices: number;
  /** The first point drawn (where a lone point's dot goes), null when none is. */
  readonly first: Pixel | null;
}

/** Hundredths of a pixel: finer than any screen, and half the characters of a full double. */
function pixelText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * A series as one path string. Points whose value is not a finite number (a diverged run's loss) are left out and
 * the line joins across them, as recharts' `connectNulls` does.
 */
export function seriesPath(points: readonly ChartPoint[], x: LinearScale, y: LinearScale): SeriesPath {
  const commands: string[] = [];
  let first: Pixel | null = null;
  for (const point of points) {
    if (!Number.isFinite(point.value) || !Number.isFinite(point.samplesSeen)) continue;
    const px = x.at(point.samplesSeen);
    const py = y.at(point.value);
    first ??= { x: px, y: py };
    commands.push(`${commands.length === 0 ? 'M' : 'L'}${pixelText(px)},${pixelText(py)}`);
  }
  return { d: commands.join(''), vertices: commands.length, first };
}

/** The point whose samplesSeen is nearest `samples` (points are in training order, so sorted by samplesSeen). */
export function nearestByX(points: readonly ChartPoint[], samples: number): ChartPoint | null {
  if (points.length === 0) return null;
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (points[mid].samplesSeen < samples) low = mid + 1;
    else high = mid;
  }
  const after = points[low];
  const before = points[low - 1];
  return before !== undefined && samples - before.samplesSeen <= after.samplesSeen - samples ? before : after;
}
