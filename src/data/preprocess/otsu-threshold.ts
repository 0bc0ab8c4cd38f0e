// Otsu's threshold: the cut of a [0, 1] histogram that best separates two classes (paper and ink).

const BINS = 256;

/** Returns a value t in [0, 1]; values > t form the upper class. */
export function otsuThreshold(values: Float32Array): number {
  const histogram = new Float64Array(BINS);
  for (const v of values) histogram[Math.min(BINS - 1, Math.max(0, Math.floor(v * BINS)))] += 1;
  const total = values.length;
  let sumAll = 0;
  for (let i = 0; i < BINS; i++) sumAll += i * histogram[i];
  let weightBelow = 0;
  let sumBelow = 0;
  let bestBetween = -1;
  let bestBin = 0;
  for (let i = 0; i < BINS; i++) {
    weightBelow += histogram[i];
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += i * histogram[i];
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > bestBetween) {
      bestBetween = between;
      bestBin = i;
    }
  }
  return (bestBin + 1) / BINS;
}
