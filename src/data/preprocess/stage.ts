// The result of preprocessing: the 784 network inputs plus every intermediate image, in order, for display.
import type { PointXY } from './centre-of-mass';
import type { GrayImage } from './gray-image';

export type StageName = 'ink' | 'crop' | 'fit' | 'centre';

export interface PreprocessStage {
  readonly name: StageName;
  /** What the stage did, in words a visitor understands. */
  readonly caption: string;
  readonly image: GrayImage;
}

export interface PreprocessResult {
  /** 28x28 row-major values in [0, 1], ink = 1: exactly what the network is fed. */
  readonly input: Float32Array;
  readonly stages: readonly PreprocessStage[];
  /** Centre of mass of `input` in pixel-index coordinates (target (14, 14)). */
  readonly centreOfMass: PointXY;
}
