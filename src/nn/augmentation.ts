// What training with distortions does to each digit: which transforms, how likely, how strong.

/** A random affine map about the digit's centre, resampled bilinearly. */
export interface AffineAugmentation {
  readonly probability: number;
  /** Rotation drawn uniformly in ±rotationDegrees. */
  readonly rotationDegrees: number;
  /** Scale drawn uniformly in 1 ± scale (the same in both directions). */
  readonly scale: number;
  /** Horizontal shear x += shear · y, drawn uniformly in ±shear (slanted handwriting). */
  readonly shear: number;
  /** Shift drawn uniformly in ±translatePixels along each axis. */
  readonly translatePixels: number;
}

/**
 * Simard et al.'s elastic distortion: a field of uniform(−1, 1) displacements smoothed by a Gaussian of
 * standard deviation sigma (pixels) and scaled by alpha.
 */
export interface ElasticAugmentation {
  readonly probability: number;
  readonly alpha: number;
  readonly sigma: number;
}

/** A thinner or thicker pen: a blend towards the erosion or dilation of the digit by its 4-neighbourhood. */
export interface StrokeWidthAugmentation {
  readonly probability: number;
  /** Blend drawn uniformly in ±strength (−1: fully eroded, +1: fully dilated). */
  readonly strength: number;
}

export interface Augmentation {
  readonly affine: AffineAugmentation;
  readonly elastic: ElasticAugmentation;
  readonly strokeWidth: StrokeWidthAugmentation;
}

/**
 * The one-switch defaults, chosen with `npm run robustness` (docs/robustness.md). Elastic fields are off: at
 * Simard et al.'s α 34, σ 4, and still at α 17, they bend 7s into the shape of a 1 with a flag, and the
 * networks then read flagged 1s as 7s (the CNN's hand-drawn flagged 1s fell from 69% to 8%). `elastic 34`
 * turns them on, half the time.
 */
export const DEFAULT_AUGMENTATION: Augmentation = {
  affine: { probability: 0.9, rotationDegrees: 15, scale: 0.15, shear: 0.3, translatePixels: 2 },
  elastic: { probability: 0.5, alpha: 0, sigma: 4 },
  strokeWidth: { probability: 0.3, strength: 0.5 },
};

/** Every transform off: augmenting with it returns each digit unchanged. */
export const NO_AUGMENTATION: Augmentation = {
  affine: { probability: 0, rotationDegrees: 0, scale: 0, shear: 0, translatePixels: 0 },
  elastic: { probability: 0, alpha: 0, sigma: DEFAULT_AUGMENTATION.elastic.sigma },
  strokeWidth: { probability: 0, strength: 0 },
};

/** Limits past which a transform no longer leaves a readable digit (or a meaningful setting). */
const LIMITS: Record<string, readonly [number, number]> = {
  probability: [0, 1],
  rotationDegrees: [0, 180],
  scale: [0, 0.9],
  shear: [0, 2],
  translatePixels: [0, 14],
  alpha: [0, 200],
  sigma: [0.5, 12],
  strength: [0, 1],
};

const SETTINGS: Record<keyof Augmentation, readonly string[]> = {
  affine: ['probability', 'rotationDegrees', 'scale', 'shear', 'translatePixels'],
  elastic: ['probability', 'alpha', 'sigma'],
  strokeWidth: ['probability', 'strength'],
};

/**
 * A readable message for the first missing setting or one outside its range, or null when all are usable.
 * Takes unknown input: configs come from files and links too.
 */
export function augmentationProblem(augmentation: unknown): string | null {
  if (typeof augmentation !== 'object' || augmentation === null) return 'augmentation must be an object';
  for (const [transform, names] of Object.entries(SETTINGS)) {
    const settings = (augmentation as Record<string, unknown>)[transform];
    if (typeof settings !== 'object' || settings === null) return `augmentation ${transform} is missing`;
    for (const name of names) {
      const value = (settings as Record<string, unknown>)[name];
      const [min, max] = LIMITS[name];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        return `augmentation ${transform} ${name} must be between ${min} and ${max}, got ${String(value)}`;
      }
    }
  }
  return null;
}

/**
 * The seed of one sample's distortions: a function of the run's seed, the epoch and the sample's index alone,
 * so any worker that draws the sample makes the same image.
 */
export function sampleSeed(seed: number, epoch: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15) ^ (epoch >>> 0), 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13) ^ (index >>> 0), 0xc2b2ae3d);
  return (h ^ (h >>> 16)) >>> 0;
}
