// Where a layer-list network's tensors (conv, dense) lie in the memory a data-parallel run's workers share.
import type { Layer } from './layer';
import { resolveLayers, type Shape } from './layer-shapes';
import {
  roundUp4,
  segmentsOf,
  vectorOffsets,
  type FlatTensor,
  type SharedFlatLayout,
  type SharedTrainingLayout,
} from './shared-training-layout';
import type { OptimizerName } from './types';

/**
 * W[i] and b[i] as LayerNetworkParams holds them (conv W as F×(C·K·K)), each at a 16-byte aligned offset: the
 * parameter vector is the master itself, with no transposed copy to keep up to date.
 */
export interface SharedLayerLayout extends SharedFlatLayout {
  /** The hidden layers as written (plain data, so a helper worker receives the same list). */
  readonly layers: readonly Layer[];
  readonly input: Shape;
}

export function isLayerLayout(layout: SharedTrainingLayout | SharedLayerLayout): layout is SharedLayerLayout {
  return 'layers' in layout;
}

/** Slices are near-equal runs of the flat vector, cut on multiples of 4 floats (a tensor may be split). */
export function sharedLayerLayout(
  layers: readonly Layer[],
  input: Shape,
  batchSize: number,
  workers: number,
  optimizer: OptimizerName,
): SharedLayerLayout {
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`workers must be at least 1, got ${workers}`);
  const plan = resolveLayers(layers, input);
  const tensors: FlatTensor[] = [];
  let flatLength = 0;
  for (const step of plan.steps) {
    if (step.weightIndex < 0) continue;
    const weights = step.weightRows * step.weightCols;
    tensors.push({ layer: step.weightIndex, kind: 'weights', offset: flatLength, length: weights });
    flatLength += roundUp4(weights);
    tensors.push({ layer: step.weightIndex, kind: 'bias', offset: flatLength, length: step.weightRows });
    flatLength += roundUp4(step.weightRows);
  }
  const { paramsOffset, momentOffsets, gradientOffsets, totalFloats } = vectorOffsets(
    flatLength,
    optimizer,
    workers,
  );
  const boundaries = [0];
  for (let w = 1; w < workers; w++) {
    const at = roundUp4(Math.round((flatLength * w) / workers));
    boundaries.push(Math.min(flatLength, Math.max(boundaries[w - 1], at)));
  }
  boundaries.push(flatLength);
  return {
    layers: [...layers],
    input,
    workers,
    batchSize,
    shardRows: Math.ceil(batchSize / workers),
    tensors,
    flatLength,
    paramsOffset,
    momentOffsets,
    gradientOffsets,
    totalFloats,
    slices: Array.from({ length: workers }, (_, w) => segmentsOf(tensors, boundaries[w], boundaries[w + 1])),
  };
}
