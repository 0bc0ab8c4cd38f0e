// Distorts training digits for a run: the same sample, seed and epoch give the same image on any worker.
import {
  createAugmentScratch,
  distortDigitsWith,
  drawDistortion,
  DISTORTION_STRIDE,
  type AugmentScratch,
} from './augment-digit';
import { sampleSeed, type Augmentation } from './augmentation';
import { createElasticFieldBank, type ElasticFieldBank } from './elastic-fields';
import { typescriptKernels, type Kernels } from './kernels';
import { SeededRandom } from './random';

export class DigitAugmenter {
  readonly augmentation: Augmentation;
  readonly side: number;
  private readonly kernels: Kernels;
  private readonly random = new SeededRandom(0);
  private readonly scratch: AugmentScratch;
  private readonly bank: ElasticFieldBank | null;
  /** The draws of the rows one call distorts; grows to the largest batch seen. */
  private distortions: Float64Array;
  private readonly one = new Uint32Array(1);

  /**
   * `kernels` distort the digits (their distortDigits, else the TypeScript twin: the same bytes either way);
   * the elastic fields live in memory from kernels.allocate, so the WebAssembly kernel reads them in place.
   */
  constructor(augmentation: Augmentation, side = 28, kernels: Kernels = typescriptKernels) {
    this.augmentation = augmentation;
    this.side = side;
    this.kernels = kernels;
    this.scratch = createAugmentScratch(side);
    const { probability, alpha, sigma } = augmentation.elastic;
    this.bank =
      probability > 0 && alpha > 0
        ? createElasticFieldBank(side, sigma, undefined, kernels.allocate?.bind(kernels))
        : null;
    this.distortions = new Float64Array(DISTORTION_STRIDE);
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
    this.one[0] = index;
    const pixels = this.side * this.side;
    this.augmentRows(out.subarray(outOffset, outOffset + pixels), images, this.one, 0, 1, seed, epoch);
  }

  /**
   * Writes samples order[start + r] of `images`, distorted for (seed, epoch), to out[r · side² ..] for r below
   * `count`: the random draws here, the pixels in one kernel call.
   */
  augmentRows(
    out: Uint8Array,
    images: Uint8Array,
    order: Uint32Array,
    start: number,
    count: number,
    seed: number,
    epoch: number,
  ): void {
    if (this.distortions.length < count * DISTORTION_STRIDE) {
      this.distortions = new Float64Array(count * DISTORTION_STRIDE);
    }
    for (let r = 0; r < count; r++) {
      this.random.reseed(sampleSeed(seed, epoch, order[start + r]));
      drawDistortion(this.distortions, r * DISTORTION_STRIDE, this.augmentation, this.random, this.bank);
    }
    distortDigitsWith(
      this.kernels,
      out,
      images,
      order,
      start,
      count,
      this.side,
      this.distortions,
      this.bank?.fields ?? null,
      this.scratch,
    );
  }
}
