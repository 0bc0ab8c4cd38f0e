// Number formats shared by the UI: digit counts with thousands separators, byte sizes, percentages.
const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return countFormat.format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Whole percent, never showing 100 % before the last byte arrived. */
export function percentOf(part: number, total: number): number {
  if (total <= 0) return 0;
  const percent = Math.floor((part / total) * 100);
  return part >= total ? 100 : Math.min(percent, 99);
}
