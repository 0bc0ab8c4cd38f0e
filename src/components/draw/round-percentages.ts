// Probabilities as percentage texts that add up to exactly 100 (largest-remainder rounding), so the bars never read 99.9% in total.

/** Returns one string per probability, e.g. "98.2", whose numbers sum to 100 when the probabilities sum to 1. */
export function roundPercentages(probabilities: ArrayLike<number>, decimals = 1): string[] {
  const unit = 10 ** decimals;
  const scaled = Array.from(probabilities, (p) => Math.max(0, p) * 100 * unit);
  const total = scaled.reduce((a, b) => a + b, 0);
  const target = Math.round(total);
  const floors = scaled.map(Math.floor);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = scaled
    .map((v, i) => ({ i, remainder: v - floors[i] }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors.map((v) => (v / unit).toFixed(decimals));
}
