// How a run's config says it distorted its training digits, in a few words for the Models comparison.
import { DEFAULT_AUGMENTATION } from '../nn/augmentation';
import { formatAugmentation } from '../nn/augmentation-text';
import type { TrainingConfig } from '../nn/types';

/** "none", "the defaults", or the settings when they differ from the defaults. */
export function distortionsSummary(config: TrainingConfig): string {
  if (!config.augmentation) return 'none';
  const text = formatAugmentation(config.augmentation);
  return text === formatAugmentation(DEFAULT_AUGMENTATION) ? 'the defaults' : text;
}
