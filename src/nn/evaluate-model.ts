// Evaluates any model on a dataset: the dense path for dense networks (bit for bit as before), the layer path otherwise.
import { evaluate } from './evaluate';
import { typescriptKernels, type Kernels } from './kernels';
import { evaluateLayers } from './layer-evaluate';
import { denseParamsOf, layerParamsOf, type ModelParams } from './model-params';
import type { Dataset, EvaluationResult } from './types';

export function evaluateModel(
  params: ModelParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
): EvaluationResult {
  const dense = denseParamsOf(params);
  if (dense) return evaluate(dense, data, limit, kernels);
  return evaluateLayers(layerParamsOf(params), data, limit, kernels);
}
