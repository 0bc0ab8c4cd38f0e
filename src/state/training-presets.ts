// Ready-made training configs: the reference design, a fast one, the reference without momentum, a small CNN, and
// the reference and the CNN trained on distorted digits.
import { DEFAULT_AUGMENTATION } from '../nn/augmentation';
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
    description:
      'Adam at 0.003, the learning rate × 0.6 after every epoch: about 98% test accuracy in 5 epochs.',
    config: {
      ...REFERENCE_CONFIG,
      optimizer: 'adam',
      learningRate: 0.003,
      learningRateDecay: 0.6,
      epochs: 5,
    },
  },
  {
    id: 'no-momentum',
    label: 'reference without momentum',
    description: 'The reference with plain SGD: run it after the reference to see what momentum buys.',
    config: { ...REFERENCE_CONFIG, optimizer: 'sgd' },
  },
  {
    id: 'cnn',
    label: 'CNN (99%)',
    description:
      'Two conv layers and a dense one, Adam at 0.003 × 0.6 each epoch, batch 64: 99.1–99.2% test accuracy after 5 epochs.',
    config: {
      ...REFERENCE_CONFIG,
      hiddenSizes: [],
      layers: 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100',
      optimizer: 'adam',
      learningRate: 0.003,
      learningRateDecay: 0.6,
      batchSize: 64,
      epochs: 5,
    },
  },
  {
    id: 'reference-robust',
    label: 'reference, robust',
    description:
      'The reference network on digits rotated, scaled, sheared, shifted and drawn with another pen, anew every epoch; 30 epochs, the learning rate × 0.92 each: how the shipped reference network was trained (with seed 2).',
    config: { ...REFERENCE_CONFIG, epochs: 30, learningRateDecay: 0.92, augmentation: DEFAULT_AUGMENTATION },
  },
  {
    id: 'cnn-robust',
    label: 'CNN, robust',
    description:
      'The CNN preset on distorted digits for 15 epochs, the learning rate × 0.8 each (distortions need more passes): the shipped convolutional network.',
    config: {
      ...REFERENCE_CONFIG,
      hiddenSizes: [],
      layers: 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100',
      optimizer: 'adam',
      learningRate: 0.003,
      learningRateDecay: 0.8,
      batchSize: 64,
      epochs: 15,
      augmentation: DEFAULT_AUGMENTATION,
    },
  },
];

export function presetById(id: string): TrainingPreset | undefined {
  return TRAINING_PRESETS.find((preset) => preset.id === id);
}
