// Loss, accuracy, confusion matrix and per-sample predictions of a network on a dataset, in batches.
import { createBatchWorkspace } from './batch-workspace';
import { forwardBatch, prepareFirstLayer } from './forward';
import { typescriptKernels, type Kernels } from './kernels';
import { createPredictionTally, tallyPredictions } from './prediction-tally';
import { fillSparseRows } from './sparse-rows';
import type { Dataset, EvaluationResult, NetworkParams } from './types';

const EVALUATION_BATCH = 500;

/** Evaluates on the first `limit` samples of `data` (all by default). */
export function evaluate(
  params: NetworkParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
): EvaluationResult {
  const count = Math.max(0, Math.min(limit ?? data.count, data.count));
  const classes = params.layerSizes[params.layerSizes.length - 1];
  const pixelsPerImage = data.rows * data.cols;
  if (pixelsPerImage !== params.layerSizes[0]) {
    throw new Error(
      `the network takes ${params.layerSizes[0]} inputs but the images have ${pixelsPerImage} pixels`,
    );
  }
  const tally = createPredictionTally(count, classes);
  if (count > 0) {
    const ws = createBatchWorkspace(params.layerSizes, Math.min(EVALUATION_BATCH, count));
    prepareFirstLayer(params, ws, kernels);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    for (let start = 0; start < count; start += ws.capacity) {
      const rows = Math.min(ws.capacity, count - start);
      fillSparseRows(ws.input, data.images, pixelsPerImage, null, start, rows);
      forwardBatch(params, ws, kernels, rows);
      tallyPredictions(tally, probabilities, rows, data.labels, start);
    }
  }
  const { confusion, predictions, confidences, lossSum, correct } = tally;
  const perClassAccuracy = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    let total = 0;
    for (let p = 0; p < classes; p++) total += confusion[c * classes + p];
    perClassAccuracy[c] = total === 0 ? 0 : confusion[c * classes + c] / total;
  }
  return {
    loss: count === 0 ? 0 : lossSum / count,
    accuracy: count === 0 ? 0 : correct / count,
    confusion,
    perClassAccuracy,
    predictions,
    confidences,
  };
}
