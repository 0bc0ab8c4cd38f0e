// Where the tensors of a data-parallel run lie in the memory its workers share, and which slice of the
// parameters each worker updates: every worker computes the same layout from the same inputs.
import { optimizerStateCount } from './optimizers';
import type { OptimizerName } from './types';

/** One tensor inside the flat parameter vector (and, at the same offsets, every gradient and moment vector). */
export interface FlatTensor {
  /** Weighted layer it belongs to (0 = the first hidden layer's incoming weights), as W[layer] and b[layer]. */
  readonly layer: number;
  /**
   * 'firstT': the first layer's weights transposed (inputs×units), the layout the sparse kernels read and the
   * gradient comes out in; 'weights': W_l as people see it (units×inputs); 'bias'.
   */
  readonly kind: 'firstT' | 'weights' | 'bias';
  /** Float offset in the flat vector (a multiple of 4, so each tensor starts 16-byte aligned). */
  readonly offset: number;
  readonly length: number;
}

/** A contiguous run of one tensor inside a worker's slice. */
export interface SliceSegment {
  readonly tensor: number;
  /** Float offsets in the flat vector. */
  readonly from: number;
  readonly to: number;
}

/** What every data-parallel layout has: flat vectors of tensors, each worker's rows and slice. */
export interface SharedFlatLayout {
  readonly workers: number;
  readonly batchSize: number;
  /** Rows of a batch each worker takes: worker w has rows [w·shardRows, (w+1)·shardRows). */
  readonly shardRows: number;
  readonly tensors: readonly FlatTensor[];
  /** Length of every flat vector (parameters, each gradient, each moment), padding included. */
  readonly flatLength: number;
  /** Float offsets from the layout's base: */
  readonly paramsOffset: number;
  readonly momentOffsets: readonly number[];
  /** One gradient vector per worker. */
  readonly gradientOffsets: readonly number[];
  /** Floats the whole layout spans. */
  readonly totalFloats: number;
  /** Per worker, the parts of the flat vector it reduces and updates. */
  readonly slices: readonly (readonly SliceSegment[])[];
}

/** A dense network's layout, its first layer transposed over sparse input rows. */
export interface SharedTrainingLayout extends SharedFlatLayout {
  readonly layerSizes: readonly number[];
  /** W[0] in people's layout (units×inputs), kept up to date from the transposed master after each update. */
  readonly firstWeightsOffset: number;
}

/** Rounds a float count up to a multiple of 4 (16 bytes, the SIMD kernels' alignment). */
export const roundUp4 = (n: number): number => (n + 3) & ~3;

/**
 * Slices are near-equal runs of the flat vector. Inside the transposed first layer a slice boundary falls on
 * a row (one input's weights to every unit), so each worker can write its rows back as columns of W[0].
 */
export function sharedTrainingLayout(
  layerSizes: readonly number[],
  batchSize: number,
  workers: number,
  optimizer: OptimizerName,
): SharedTrainingLayout {
  if (layerSizes.length < 2) throw new Error('a network needs at least an input and an output layer');
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`workers must be at least 1, got ${workers}`);
  const tensors: FlatTensor[] = [];
  let flatLength = 0;
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    const weights = layerSizes[l + 1] * layerSizes[l];
    tensors.push({ layer: l, kind: l === 0 ? 'firstT' : 'weights', offset: flatLength, length: weights });
    flatLength += roundUp4(weights);
    tensors.push({ layer: l, kind: 'bias', offset: flatLength, length: layerSizes[l + 1] });
    flatLength += roundUp4(layerSizes[l + 1]);
  }
  const { paramsOffset, extraOffset, momentOffsets, gradientOffsets, totalFloats } = vectorOffsets(
    flatLength,
    optimizer,
    workers,
    layerSizes[0] * layerSizes[1],
  );
  return {
    layerSizes: [...layerSizes],
    workers,
    batchSize,
    shardRows: Math.ceil(batchSize / workers),
    tensors,
    flatLength,
    paramsOffset,
    firstWeightsOffset: extraOffset,
    momentOffsets,
    gradientOffsets,
    totalFloats,
    slices: sliceBoundaries(tensors, flatLength, layerSizes[1], workers).map((range) =>
      segmentsOf(tensors, range[0], range[1]),
    ),
  };
}

/**
 * Where the flat vectors lie, each 16-byte aligned: the parameters, then `extra` floats of the layout's own
 * (at extraOffset), each optimizer moment, and each worker's gradient.
 */
export function vectorOffsets(
  flatLength: number,
  optimizer: OptimizerName,
  workers: number,
  extra = 0,
): {
  paramsOffset: number;
  extraOffset: number;
  momentOffsets: number[];
  gradientOffsets: number[];
  totalFloats: number;
} {
  let next = 0;
  const take = (floats: number): number => {
    const at = next;
    next += roundUp4(floats);
    return at;
  };
  const paramsOffset = take(flatLength);
  const extraOffset = take(extra);
  const momentOffsets = Array.from({ length: optimizerStateCount(optimizer) }, () => take(flatLength));
  const gradientOffsets = Array.from({ length: workers }, () => take(flatLength));
  return { paramsOffset, extraOffset, momentOffsets, gradientOffsets, totalFloats: next };
}

function sliceBoundaries(
  tensors: readonly FlatTensor[],
  flatLength: number,
  firstRowLength: number,
  workers: number,
): [number, number][] {
  const first = tensors[0];
  const boundaries = [0];
  for (let w = 1; w < workers; w++) {
    let at = Math.round((flatLength * w) / workers);
    if (at < first.offset + first.length) at = Math.round(at / firstRowLength) * firstRowLength;
    else at = roundUp4(at);
    boundaries.push(Math.min(flatLength, Math.max(boundaries[w - 1], at)));
  }
  boundaries.push(flatLength);
  return Array.from({ length: workers }, (_, w) => [boundaries[w], boundaries[w + 1]]);
}

/** The parts of the tensors that the run [from, to) of the flat vector covers. */
export function segmentsOf(tensors: readonly FlatTensor[], from: number, to: number): SliceSegment[] {
  const segments: SliceSegment[] = [];
  tensors.forEach((tensor, index) => {
    const start = Math.max(from, tensor.offset);
    const end = Math.min(to, tensor.offset + tensor.length);
    if (start < end) segments.push({ tensor: index, from: start, to: end });
  });
  return segments;
}
