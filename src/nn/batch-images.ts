// Where a mini-batch's images come from: the training set as it is, or copies distorted for this epoch.
import type { Augmentation } from './augmentation';
import { DigitAugmenter } from './digit-augmenter';
import { typescriptKernels, type Kernels } from './kernels';
import type { Dataset } from './types';

/** Rows to read: image i of the batch is images[order[start + i] · pixels ..]. */
export interface BatchImageRows {
  readonly images: Uint8Array;
  readonly order: Uint32Array;
  readonly start: number;
}

export class BatchImages {
  private readonly train: Dataset;
  private readonly seed: number;
  private readonly augmenter: DigitAugmenter | null;
  /** The batch's distorted copies, one after another, read in this order. */
  private readonly copies: BatchImageRows | null;
  /** Reused for the plain training set, so prepare() allocates nothing. */
  private readonly plain: { images: Uint8Array; order: Uint32Array; start: number };

  /**
   * `capacity`: the most rows one prepare() call takes. `kernels`: the owner's (trainer or worker shard), so
   * every worker distorts with the same implementation.
   */
  constructor(
    train: Dataset,
    augmentation: Augmentation | undefined,
    seed: number,
    capacity: number,
    kernels: Kernels = typescriptKernels,
  ) {
    this.train = train;
    this.seed = seed;
    this.augmenter = augmentation ? new DigitAugmenter(augmentation, train.rows, kernels) : null;
    const pixels = train.rows * train.cols;
    this.copies = this.augmenter
      ? {
          images: new Uint8Array(capacity * pixels),
          order: Uint32Array.from({ length: capacity }, (_, i) => i),
          start: 0,
        }
      : null;
    this.plain = { images: train.images, order: new Uint32Array(0), start: 0 };
  }

  /**
   * The images of rows order[start .. start + count) for `epoch`: the training set itself, or distorted copies
   * that depend only on the seed, the epoch and each sample's index (so every worker makes the same ones).
   */
  prepare(order: Uint32Array, start: number, count: number, epoch: number): BatchImageRows {
    if (!this.augmenter || !this.copies) {
      this.plain.order = order;
      this.plain.start = start;
      return this.plain;
    }
    this.augmenter.augmentRows(this.copies.images, this.train.images, order, start, count, this.seed, epoch);
    return this.copies;
  }
}
