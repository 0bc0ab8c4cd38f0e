// The Train place's preview of distortions: the very images a run trains on in that epoch, beside the originals.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { BatchImages } from '../../src/nn/batch-images';
import { createAugmentPreview } from '../../src/worker/augment-preview';
import { TrainerError } from '../../src/worker/trainer-error';

const train = loadMnistFromDisk('train');
const preview = createAugmentPreview(() => train);

describe('augmentSamples', () => {
  it('gives the originals and the distortions a run with that seed trains on in that epoch', async () => {
    const indices = Int32Array.from([0, 5, 59_999]);
    const { originals, distorted, labels } = await preview.augmentSamples(
      indices,
      DEFAULT_AUGMENTATION,
      4,
      2,
    );
    expect(Array.from(labels)).toEqual([train.labels[0], train.labels[5], train.labels[59_999]]);
    expect(Array.from(originals.subarray(784, 1568))).toEqual(
      Array.from(train.images.subarray(5 * 784, 6 * 784)),
    );
    // The batch a trainer would read for the same samples, seed and epoch.
    const order = Uint32Array.from(indices);
    const batch = new BatchImages(train, DEFAULT_AUGMENTATION, 4, 3).prepare(order, 0, 3, 2);
    expect(Array.from(distorted)).toEqual(Array.from(batch.images.subarray(0, 3 * 784)));
    const nextEpoch = await preview.augmentSamples(indices, DEFAULT_AUGMENTATION, 4, 3);
    expect(Array.from(nextEpoch.distorted)).not.toEqual(Array.from(distorted));
  });

  it('refuses a digit that does not exist and settings out of range, saying which', async () => {
    await expect(
      preview.augmentSamples(Int32Array.from([60_000]), DEFAULT_AUGMENTATION, 1, 0),
    ).rejects.toThrow(new TrainerError('Digit 60000 does not exist: the training set has 60000.'));
    const wild = { ...DEFAULT_AUGMENTATION, affine: { ...DEFAULT_AUGMENTATION.affine, scale: 5 } };
    await expect(preview.augmentSamples(Int32Array.from([0]), wild, 1, 0)).rejects.toThrow(
      /augmentation affine scale must be between 0 and 0.9, got 5/,
    );
  });
});
