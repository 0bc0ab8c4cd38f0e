// Training distortions: a zero-strength transform changes nothing, a rotation undone returns the digit up to
// resampling, a pen gets thicker or thinner, and a sample's image depends on its seed, epoch and index alone.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { affineSamplingMap, changeStrokeWidth, resampleDigit } from '../../src/nn/augment-digit';
import {
  augmentationProblem,
  DEFAULT_AUGMENTATION,
  NO_AUGMENTATION,
  sampleSeed,
  type Augmentation,
} from '../../src/nn/augmentation';
import { DigitAugmenter } from '../../src/nn/digit-augmenter';
import { createElasticFieldBank, gaussianKernel } from '../../src/nn/elastic-fields';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const train = loadMnistFromDisk('train');
const DIGITS = 200;
const digit = (i: number) => train.images.subarray(i * PIXELS, (i + 1) * PIXELS);

/** Every transform certain to run, at zero strength. */
const ZERO_STRENGTH: Augmentation = {
  affine: { probability: 1, rotationDegrees: 0, scale: 0, shear: 0, translatePixels: 0 },
  elastic: { probability: 1, alpha: 0, sigma: 4 },
  strokeWidth: { probability: 1, strength: 0 },
};

function rotated(image: Uint8Array, degrees: number): Uint8Array {
  const out = new Uint8Array(PIXELS);
  const source = Float32Array.from(image);
  resampleDigit(out, 0, source, SIDE, affineSamplingMap(degrees, 1, 0, 0, 0), 0, null, 0, 0, 0, 0);
  return out;
}

/** Mean absolute difference over the pixels either image inks, in grey levels. */
function inkDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let inked = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0 && b[i] === 0) continue;
    sum += Math.abs(a[i] - b[i]);
    inked++;
  }
  return sum / Math.max(1, inked);
}

/** Index of the first differing byte, or −1 (toEqual on 150,000 bytes takes seconds). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

const inkOf = (image: ArrayLike<number>) => Array.from(image).reduce((s, v) => s + v, 0);

describe('training distortions', () => {
  it('leave every digit unchanged at zero strength, and with every transform off', () => {
    for (const augmentation of [ZERO_STRENGTH, NO_AUGMENTATION]) {
      const augmenter = new DigitAugmenter(augmentation);
      const out = new Uint8Array(PIXELS);
      for (let i = 0; i < DIGITS; i++) {
        augmenter.augment(out, 0, train.images, i, 1, 0);
        expect(firstDifference(out, digit(i))).toBe(-1);
      }
    }
  });

  it('return a digit rotated by θ and then by −θ up to resampling, and not one rotated twice by θ', () => {
    for (let i = 0; i < 50; i++) {
      const there = rotated(digit(i), 20);
      const back = rotated(there, -20);
      const further = rotated(there, 20);
      // Two bilinear passes blur the stroke's edges by a few tens of grey levels on average…
      expect(inkDifference(back, digit(i))).toBeLessThan(45);
      // …while a 40° rotation moves the stroke off most of its pixels.
      expect(inkDifference(further, digit(i))).toBeGreaterThan(inkDifference(back, digit(i)) * 1.8);
    }
  });

  it('make the pen thicker or thinner as the blend says', () => {
    const scratch = new Float32Array(PIXELS);
    for (let i = 0; i < 20; i++) {
      const thick = Float32Array.from(digit(i));
      const thin = Float32Array.from(digit(i));
      changeStrokeWidth(thick, SIDE, 0.8, scratch);
      changeStrokeWidth(thin, SIDE, -0.8, scratch);
      expect(inkOf(thick)).toBeGreaterThan(inkOf(digit(i)) * 1.3);
      expect(inkOf(thin)).toBeLessThan(inkOf(digit(i)) * 0.8);
    }
  });

  it('give the same image for the same seed, epoch and index, in any order and from any augmenter', () => {
    const a = new DigitAugmenter(DEFAULT_AUGMENTATION);
    const b = new DigitAugmenter(DEFAULT_AUGMENTATION);
    const first = new Uint8Array(PIXELS * DIGITS);
    const second = new Uint8Array(PIXELS * DIGITS);
    for (let i = 0; i < DIGITS; i++) a.augment(first, i * PIXELS, train.images, i, 7, 3);
    for (let i = DIGITS - 1; i >= 0; i--) b.augment(second, i * PIXELS, train.images, i, 7, 3);
    expect(firstDifference(second, first)).toBe(-1);
    // Another epoch or seed draws other distortions for most digits.
    const other = new Uint8Array(PIXELS);
    let changedByEpoch = 0;
    let changedFromOriginal = 0;
    for (let i = 0; i < DIGITS; i++) {
      a.augment(other, 0, train.images, i, 7, 4);
      if (inkDifference(other, first.subarray(i * PIXELS, (i + 1) * PIXELS)) > 0) changedByEpoch++;
      if (inkDifference(first.subarray(i * PIXELS, (i + 1) * PIXELS), digit(i)) > 0) changedFromOriginal++;
    }
    expect(changedByEpoch).toBeGreaterThan(DIGITS * 0.8);
    expect(changedFromOriginal).toBeGreaterThan(DIGITS * 0.8);
  });

  it('seeds samples apart by seed, epoch and index', () => {
    const seeds = new Set<number>();
    for (let seed = 1; seed <= 3; seed++)
      for (let epoch = 0; epoch < 3; epoch++)
        for (let index = 0; index < 1000; index++) seeds.add(sampleSeed(seed, epoch, index));
    expect(seeds.size).toBe(9000);
  });

  it('smooth the elastic fields with a normalised Gaussian, the same bank every time', () => {
    const kernel = gaussianKernel(4);
    expect(kernel.length).toBe(25);
    expect(kernel.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 6);
    const bank = createElasticFieldBank(SIDE, 4, 16);
    expect(createElasticFieldBank(SIDE, 4, 16).fields).toEqual(bank.fields);
    // Smoothed uniform(−1, 1) noise: std ≈ √(1/3) / (2·√π·σ) ≈ 0.04 in the middle, smaller at the borders.
    let sumSquares = 0;
    for (const v of bank.fields) sumSquares += v * v;
    const std = Math.sqrt(sumSquares / bank.fields.length);
    expect(std).toBeGreaterThan(0.02);
    expect(std).toBeLessThan(0.06);
  });

  it('refuse settings outside their range with a message that names them', () => {
    expect(augmentationProblem(DEFAULT_AUGMENTATION)).toBeNull();
    expect(
      augmentationProblem({
        ...DEFAULT_AUGMENTATION,
        affine: { ...DEFAULT_AUGMENTATION.affine, probability: 1.5 },
      }),
    ).toMatch(/affine probability must be between 0 and 1, got 1.5/);
    expect(
      augmentationProblem({ ...DEFAULT_AUGMENTATION, elastic: { probability: 0.5, alpha: NaN, sigma: 4 } }),
    ).toMatch(/elastic alpha/);
  });
});
