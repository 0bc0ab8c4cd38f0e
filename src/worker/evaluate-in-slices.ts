// Loss and accuracy on a dataset, a slice at a time with a yield between slices, so predictions get in.
import { evaluate, releaseEvaluationWorkspace, takeEvaluationWorkspace } from '../nn/evaluate';
import type { Kernels } from '../nn/kernels';
import { evaluateLayers } from '../nn/layer-evaluate';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../nn/model-params';
import type { Dataset } from '../nn/types';
import { datasetSlice } from './test-subset';

export interface LossAndAccuracy {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
}

/** The weights must not change while this runs; the training loop awaits it before the next step. */
export async function evaluateInSlices(
  model: ModelParams,
  data: Dataset,
  kernels: Kernels,
  sliceSize: number,
  yieldBetween: () => Promise<void>,
): Promise<LossAndAccuracy> {
  let lossSum = 0;
  let correct = 0;
  const params = denseParamsOf(model);
  if (params === null) {
    const layers = layerParamsOf(model);
    for (let start = 0; start < data.count; start += sliceSize) {
      if (start > 0) await yieldBetween();
      const slice = datasetSlice(data, start, sliceSize);
      const result = evaluateLayers(layers, slice, undefined, kernels);
      lossSum += result.loss * slice.count;
      correct += Math.round(result.accuracy * slice.count);
    }
    return {
      loss: data.count > 0 ? lossSum / data.count : 0,
      accuracy: data.count > 0 ? correct / data.count : 0,
      count: data.count,
    };
  }
  // One workspace and one transpose of W[0] for every slice: the weights hold still until this returns.
  const prepared = takeEvaluationWorkspace(params, kernels, Math.max(1, Math.min(sliceSize, data.count)));
  for (let start = 0; start < data.count; start += sliceSize) {
    if (start > 0) await yieldBetween();
    const slice = datasetSlice(data, start, sliceSize);
    const result = evaluate(params, slice, undefined, kernels, prepared);
    lossSum += result.loss * slice.count;
    correct += Math.round(result.accuracy * slice.count);
  }
  releaseEvaluationWorkspace(prepared);
  return {
    loss: data.count > 0 ? lossSum / data.count : 0,
    accuracy: data.count > 0 ? correct / data.count : 0,
    count: data.count,
  };
}
