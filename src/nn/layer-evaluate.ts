// Loss, accuracy, confusion matrix and per-sample predictions of a layer-list network on a dataset, in batches.
import { typescriptKernels, type Kernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerForward } from './layer-pass';
import { resolveLayers } from './layer-shapes';
import { createLayerWorkspace } from './layer-workspace';
import { createPredictionTally, evaluationOf, tallyPredictions } from './prediction-tally';
import { PIXEL_SCALE } from './sparse-rows';
import type { Dataset, EvaluationResult } from './types';

const EVALUATION_BATCH = 250;

/** Evaluates on the first `limit` samples of `data` (all by default). */
export function evaluateLayers(
  params: LayerNetworkParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
): EvaluationResult {
  const plan = resolveLayers(params.layers, { channels: 1, height: data.rows, width: data.cols });
  checkLayerParams(params, plan);
  const count = Math.max(0, Math.min(limit ?? data.count, data.count));
  const classes = params.b[params.b.length - 1].length;
  const pixels = data.rows * data.cols;
  const tally = createPredictionTally(count, classes);
  if (count === 0) return evaluationOf(tally, 0);
  const ws = createLayerWorkspace(plan, Math.min(EVALUATION_BATCH, count));
  const probabilities = ws.outputs[ws.outputs.length - 1];
  for (let start = 0; start < count; start += ws.capacity) {
    const rows = Math.min(ws.capacity, count - start);
    const images = data.images.subarray(start * pixels, (start + rows) * pixels);
    for (let i = 0; i < images.length; i++) ws.input[i] = PIXEL_SCALE[images[i]];
    layerForward(params, ws, rows, kernels);
    tallyPredictions(tally, probabilities, rows, data.labels, start);
  }
  return evaluationOf(tally, count);
}
