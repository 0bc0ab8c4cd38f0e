// Finds the ink in a grey image: which side is paper (dark ink on light paper gets inverted), and a floor above the paper's texture.
import { createGrayImage, type GrayImage } from './gray-image';
import { otsuThreshold } from './otsu-threshold';

export interface InkExtraction {
  /** Ink = 1, paper = 0. */
  readonly ink: GrayImage;
  /** True when the source was dark ink on light paper. */
  readonly inverted: boolean;
  /** Otsu's cut between paper and ink, on the ink scale (after any inversion). */
  readonly threshold: number;
  /** Values at or below this became 0: the paper plus three robust standard deviations of its texture. */
  readonly paperFloor: number;
  /** Values at or above this became 1: a high percentile of the ink. */
  readonly inkLevel: number;
}

/** Below this spread between darkest and lightest pixel the image is blank paper. */
const MIN_CONTRAST = 0.08;
const INK_PERCENTILE = 0.9;
/** Converts a median absolute deviation to a standard deviation for Gaussian noise. */
const MAD_TO_SIGMA = 1.4826;

function quantile(sorted: Float32Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

function isBorder(i: number, width: number, height: number): boolean {
  const x = i % width;
  const y = (i - x) / width;
  return x === 0 || y === 0 || x === width - 1 || y === height - 1;
}

/** Returns null for a blank image (no contrast, or no ink distinct from the paper). */
export function extractInk(gray: GrayImage): InkExtraction | null {
  const { width, height, data } = gray;
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!(max - min >= MIN_CONTRAST)) return null;

  const cut = otsuThreshold(data);
  // Paper is whichever class owns most of the border (photos are framed by paper); the whole image breaks a tie.
  let borderAbove = 0;
  let borderCount = 0;
  let allAbove = 0;
  for (let i = 0; i < data.length; i++) {
    const above = data[i] > cut ? 1 : 0;
    allAbove += above;
    if (isBorder(i, width, height)) {
      borderAbove += above;
      borderCount += 1;
    }
  }
  const inverted =
    borderAbove * 2 === borderCount ? allAbove * 2 > data.length : borderAbove * 2 > borderCount;

  const values = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) values[i] = inverted ? 1 - data[i] : data[i];
  const threshold = inverted ? 1 - cut : cut;
  const paper = values.filter((v) => v <= threshold).sort();
  const ink = values.filter((v) => v > threshold).sort();
  if (ink.length === 0) return null;
  const paperMedian = quantile(paper, 0.5);
  const deviations = paper.map((v) => Math.abs(v - paperMedian)).sort();
  const paperFloor = Math.min(threshold, paperMedian + 3 * MAD_TO_SIGMA * quantile(deviations, 0.5));
  const inkLevel = Math.max(quantile(ink, INK_PERCENTILE), threshold);
  if (!(inkLevel - paperFloor >= MIN_CONTRAST)) return null;

  const out = createGrayImage(width, height);
  const span = inkLevel - paperFloor;
  for (let i = 0; i < values.length; i++) {
    out.data[i] = Math.min(1, Math.max(0, (values[i] - paperFloor) / span));
  }
  return { ink: out, inverted, threshold, paperFloor, inkLevel };
}
