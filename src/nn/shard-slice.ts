// One worker's slice of a data-parallel layout's flat parameter vector: the sum of every worker's gradient
// there, and the optimizer's update of those parameters.
import type { Kernels } from './kernels';
import { updateFromGradientSum, type OptimizerSettings } from './optimizers';
import type { SharedFlatLayout } from './shared-training-layout';

interface SegmentViews {
  readonly params: Float32Array;
  /** The same range of every worker's gradient, worker 0's first (the sum is built there). */
  readonly gradients: readonly Float32Array[];
  readonly moments: readonly Float32Array[];
  readonly isWeight: boolean;
}

export class ShardSlice {
  private readonly settings: OptimizerSettings;
  private readonly kernels: Kernels;
  private readonly segments: readonly SegmentViews[];

  /** `floats` covers the layout from its base. */
  constructor(
    layout: SharedFlatLayout,
    worker: number,
    floats: Float32Array,
    settings: OptimizerSettings,
    kernels: Kernels,
  ) {
    this.settings = settings;
    this.kernels = kernels;
    const view = (offset: number, length: number) => floats.subarray(offset, offset + length);
    this.segments = layout.slices[worker].map((segment) => {
      const length = segment.to - segment.from;
      return {
        params: view(layout.paramsOffset + segment.from, length),
        gradients: layout.gradientOffsets.map((offset) => view(offset + segment.from, length)),
        moments: layout.momentOffsets.map((offset) => view(offset + segment.from, length)),
        isWeight: layout.tensors[segment.tensor].kind !== 'bias',
      };
    });
  }

  /**
   * Sums the gradients of the first `contributors` workers over the slice (always in worker order, so a run
   * repeats exactly for a given worker count) and applies the optimizer there, L2 on weights only.
   */
  applyUpdate(step: number, learningRateScale: number, contributors: number): void {
    const { l2 } = this.settings;
    for (const segment of this.segments) {
      updateFromGradientSum(
        this.settings,
        step,
        learningRateScale,
        this.kernels,
        segment.params,
        segment.gradients,
        contributors,
        segment.isWeight ? l2 : 0,
        segment.moments[0] ?? null,
        segment.moments[1] ?? null,
      );
    }
  }
}
