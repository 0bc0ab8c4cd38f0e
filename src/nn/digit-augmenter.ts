// Distorts training digits for a run: the same sample, seed and epoch give the same image on any worker.
import { augmentDigit, createAugmentScratch, type AugmentScratch, type SamplingMap } from './augment-digit';
import { sampleSeed, type Augmentation } from './augmentation';
import { createElasticFieldBank, type ElasticFieldBank } from './elastic-fields';
import { SeededRandom } from './random';

export class DigitAugmenter {
  readonly augmentation: Augmentation;
  readonly side: number;
  private readonly random = new SeededRandom(0);
  private readonly scratch: AugmentScratch;
  private readonly map: SamplingMap = new Float64Array(6);
  private readonly bank: ElasticFieldBank | null;

  constructor(augmentation: Augmentation, side = 28) {
    this.augmentation = augmentation;
    this.side = side;
    this.scratch = createAugmentScratch(side);
    const { probability, alpha, sigma } = augmentation.elastic;
    this.bank = probability > 0 && alpha > 0 ? createElasticFieldBank(side, sigma) : null;
  }

  /** Writes training sample `index` of `images`, distorted for (seed, epoch), to out[outOffset ..]. */
  augment(
    out: Uint8Array,
    outOffset: number,
    images: Uint8Array,
    index: number,
    seed: number,
    epoch: number,
  ): void {
    this.random.reseed(sampleSeed(seed, epoch, index));
    const pixels = this.side * this.side;
    augmentDigit(
      out,
      outOffset,
      images,
      index * pixels,
      this.augmentation,
      this.random,
      this.bank,
      this.scratch,
      this.map,
    );
  }
}
