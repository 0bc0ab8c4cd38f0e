// Probabilities as percentages that never round a near-certainty up to 100% or a tiny chance down to 0%.

export function formatProbability(p: number): string {
  if (p >= 1) return '100%';
  if (p > 0.999) return '>99.9%';
  if (p <= 0) return '0%';
  if (p < 0.001) return '<0.1%';
  return `${(100 * p).toFixed(p >= 0.1 && p <= 0.9 ? 0 : 1)}%`;
}
