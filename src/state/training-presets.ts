// Ready-made training configs: the reference design, a fast one, and the reference without momentum to compare.
import { REFERENCE_CONFIG, type TrainingConfig } from '../nn/types';

export interface TrainingPreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly config: TrainingConfig;
}

export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  {
    id: 'reference',
    label: 'reference (98%)',
    description: "The design's network: 784-200-100-25-10, momentum 0.9, learning rate 0.5, 20 epochs.",
    config: REFERENCE_CONFIG,
  },
  {
    id: 'fast',
    label: 'fast',
    description: 'Adam at 0.001: about 97% test accuracy within a few epochs.',
    config: { ...REFERENCE_CONFIG, optimizer: 'adam', learningRate: 0.001, epochs: 4 },
  },
  {
    id: 'no-momentum',
    label: 'reference without momentum',
    description: 'The reference with plain SGD: run it after the reference to see what momentum buys.',
    config: { ...REFERENCE_CONFIG, optimizer: 'sgd' },
  },
];

export function presetById(id: string): TrainingPreset | undefined {
  return TRAINING_PRESETS.find((preset) => preset.id === id);
}
