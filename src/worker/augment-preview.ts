// Distorted copies of a few training digits, as a run with these settings would train on them in a given epoch.
import { transfer } from 'comlink';
import type { MnistSplit } from '../data/mnist-assets';
import type { Augmentation } from '../nn/augmentation';
import type { Dataset } from '../nn/types';
import { TrainerError } from './trainer-error';

export interface AugmentedSamples {
  /** The digits as they are, one after another (28×28 bytes each). */
  readonly originals: Uint8Array;
  /** The same digits distorted, in the same order. */
  readonly distorted: Uint8Array;
  readonly labels: Uint8Array;
}

export function createAugmentPreview(requireDataset: (split: MnistSplit) => Dataset) {
  return {
    /** The training digits at `indices`, and their distortions for (seed, epoch): the very images a run sees. */
    async augmentSamples(
      indices: Int32Array,
      augmentation: Augmentation,
      seed: number,
      epoch: number,
    ): Promise<AugmentedSamples> {
      // Fetched on first use: the worker also serves the landing page's first prediction, which needs none of it.
      const { DigitAugmenter } = await import('../nn/digit-augmenter');
      const { augmentationProblem } = await import('../nn/augmentation');
      const problem = augmentationProblem(augmentation);
      if (problem !== null) throw new TrainerError(`The ${problem}.`);
      const train = requireDataset('train');
      const pixels = train.rows * train.cols;
      const augmenter = new DigitAugmenter(augmentation, train.rows);
      const originals = new Uint8Array(indices.length * pixels);
      const distorted = new Uint8Array(indices.length * pixels);
      const labels = new Uint8Array(indices.length);
      indices.forEach((index, i) => {
        if (!Number.isInteger(index) || index < 0 || index >= train.count) {
          throw new TrainerError(`Digit ${index} does not exist: the training set has ${train.count}.`);
        }
        originals.set(train.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
        augmenter.augment(distorted, i * pixels, train.images, index, seed, epoch);
        labels[i] = train.labels[index];
      });
      return transfer({ originals, distorted, labels }, [originals.buffer, distorted.buffer, labels.buffer]);
    },
  };
}
