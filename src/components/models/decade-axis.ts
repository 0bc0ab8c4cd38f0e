// A logarithmic axis' range and ticks: whole powers of ten around the data.
import type { AxisScale } from '../train/chart-axes';

/** Powers of ten from just below the smallest value to just above the largest. */
export function decadeAxis(min: number, max: number): AxisScale {
  const low = Math.floor(Math.log10(min));
  const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
  const ticks = Array.from({ length: high - low + 1 }, (_, i) => Number((10 ** (low + i)).toPrecision(1)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}
