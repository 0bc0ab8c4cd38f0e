// One digit's answer from any model the app reads (dense or a layer list): the scripts' and their tests' reader.
import { argmax } from '../src/nn/argmax';
import type { Kernels } from '../src/nn/kernels';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../src/nn/model-params';
import { predictOne } from '../src/nn/predict';
import { predictLayersOne } from '../src/nn/predict-layers';

/** The most likely class of a 28x28 input, the first on a tie. */
export function readerOf(params: ModelParams, kernels: Kernels): (input: Float32Array) => number {
  const answer = (p: Float32Array) => argmax(p, 0, p.length);
  const dense = denseParamsOf(params);
  if (dense) return (input) => answer(predictOne(dense, input).probabilities);
  const layers = layerParamsOf(params);
  return (input) => answer(predictLayersOne(layers, input, kernels).probabilities);
}
