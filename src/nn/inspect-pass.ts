// One forward pass over a dataset for the inspector: every sample's class probabilities and every unit's firing.
import { createBatchWorkspace } from './batch-workspace';
import { forwardBatch, prepareFirstLayer } from './forward';
import { typescriptKernels, type Kernels } from './kernels';
import { fillSparseRows } from './sparse-rows';
import type { Dataset, NetworkParams } from './types';
import { UnitStatsAccumulator, type UnitStats } from './unit-stats';

const BATCH = 500;

export interface InspectPassResult {
  /** count × classes, row-major: probabilities[sample * classes + class]. */
  readonly probabilities: Float32Array;
  readonly unitStats: UnitStats;
}

/**
 * Runs the first `limit` samples of `data` (all by default) through the network. Pass `stats` to keep
 * counting into one accumulator over several calls (a dataset measured a slice at a time).
 */
export function inspectPass(
  params: NetworkParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
  stats: UnitStatsAccumulator = new UnitStatsAccumulator(params.layerSizes.slice(1, -1)),
): InspectPassResult {
  const sizes = params.layerSizes;
  const count = Math.max(0, Math.min(limit ?? data.count, data.count));
  const pixelsPerImage = data.rows * data.cols;
  if (pixelsPerImage !== sizes[0]) {
    throw new Error(`the network takes ${sizes[0]} inputs but the images have ${pixelsPerImage} pixels`);
  }
  const classes = sizes[sizes.length - 1];
  const probabilities = new Float32Array(count * classes);
  if (count > 0) {
    const ws = createBatchWorkspace(sizes, Math.min(BATCH, count));
    prepareFirstLayer(params, ws);
    const output = ws.outputs[ws.outputs.length - 1];
    for (let start = 0; start < count; start += ws.capacity) {
      const rows = Math.min(ws.capacity, count - start);
      fillSparseRows(ws.input, data.images, pixelsPerImage, null, start, rows);
      forwardBatch(params, ws, kernels, rows);
      stats.add(ws.outputs.slice(0, -1), rows);
      probabilities.set(output.subarray(0, rows * classes), start * classes);
    }
  }
  return { probabilities, unitStats: stats.finish() };
}
