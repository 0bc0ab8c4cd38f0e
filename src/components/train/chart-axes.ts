// Axis ranges and ticks for the live charts, computed here so recharts never has to measure or "nice" them itself.

export interface AxisScale {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/** Tick steps are 1, 2, 2.5 or 5 times a power of ten: labels a reader can add up at a glance. */
const NICE_MULTIPLES = [1, 2, 2.5, 5, 10];

/** The smallest nice step that covers `span` in at most `maxIntervals` intervals. */
export function niceStep(span: number, maxIntervals: number): number {
  const raw = span / maxIntervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = NICE_MULTIPLES.find((m) => m * power >= raw * (1 - 1e-9)) ?? 10;
  return multiple * power;
}

/**
 * An axis from `min` to `max` widened to whole steps, with its ticks. The range only grows in steps, so a
 * live chart whose data creeps forward keeps the same axis (and recharts the same scale) between most updates.
 * With `extraIntervals`, up to that many more intervals are allowed where they end the axis closer to `max`:
 * a 20-epoch run (1.2M samples) gets 0…1.2M in steps of 200k, not 0…1.5M with a fifth of the chart empty.
 */
export function niceAxis(min: number, max: number, maxIntervals: number, extraIntervals = 0): AxisScale {
  let best = axisWithSteps(min, max, niceStep(spanOf(min, max), maxIntervals));
  for (let intervals = maxIntervals + 1; intervals <= maxIntervals + extraIntervals; intervals++) {
    const candidate = axisWithSteps(min, max, niceStep(spanOf(min, max), intervals));
    if (candidate.domain[1] - candidate.domain[0] < best.domain[1] - best.domain[0]) best = candidate;
  }
  return best;
}

function spanOf(min: number, max: number): number {
  return max > min ? max - min : Math.abs(min) || 1;
}

function axisWithSteps(min: number, max: number, step: number): AxisScale {
  const first = Math.floor(min / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(max / step - 1e-9));
  // Multiplying (not adding up) steps, and trimming float noise, keeps labels like 0.3 from reading 0.30000000000000004.
  const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
    Number(((first + i) * step).toPrecision(12)),
  );
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

export function sameAxis(a: AxisScale, b: AxisScale): boolean {
  return a.ticks.length === b.ticks.length && a.ticks.every((tick, i) => tick === b.ticks[i]);
}
