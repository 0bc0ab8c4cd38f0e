// How the charts write numbers: sample counts on the x axis and in the hover readout, metric values in the readout.

/** 950, 12.3k, 1.25M: short enough for a tick label. */
export function formatSamples(samples: number): string {
  if (samples >= 1_000_000) return `${Number((samples / 1_000_000).toFixed(2))}M`;
  if (samples >= 1_000) return `${Number((samples / 1_000).toFixed(1))}k`;
  return String(samples);
}

/** Three decimals at most (0.123, 95.5%): the curves' precision, not float noise. */
export function formatMetric(value: number, unit: string): string {
  return Number.isFinite(value) ? `${Number(value.toFixed(3))}${unit}` : String(value);
}
