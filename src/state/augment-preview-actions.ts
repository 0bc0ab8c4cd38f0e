// Asks the worker for a few training digits beside their distortions, for the Train place's preview.
import type { Augmentation } from '../nn/augmentation';
import type { AugmentedSamples } from '../worker/augment-preview';
import { getTrainer } from '../worker/client';

export type { AugmentedSamples };

/** The first training digits of each class's usual order: enough to see what distortions do, few to draw. */
export const PREVIEW_INDICES = Int32Array.from([0, 1, 2, 3, 4, 5, 7, 8]);

/** The preview digits as a run with `augmentation` and `seed` trains on them in `epoch` (from 0). */
export function fetchAugmentedSamples(
  augmentation: Augmentation,
  seed: number,
  epoch: number,
): Promise<AugmentedSamples> {
  return getTrainer().augmentSamples(PREVIEW_INDICES.slice(), augmentation, seed, epoch);
}
