// One digit through a layer-list network (conv, pool, dense): its class probabilities and its hidden layers' outputs.
import { typescriptKernels, type Kernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerForward } from './layer-pass';
import { resolveLayers, sizeOf } from './layer-shapes';
import { createLayerWorkspace } from './layer-workspace';
import type { Prediction } from './predict';

/**
 * `activations` are every hidden layer's outputs after ReLU (conv and pool maps channel-major, dense units), in
 * order. `logits` are ln(probabilities): the output layer's logits up to one added constant, which softmax ignores.
 */
export function predictLayersOne(
  params: LayerNetworkParams,
  input: Float32Array,
  kernels: Kernels = typescriptKernels,
): Prediction {
  const plan = resolveLayers(params.layers);
  checkLayerParams(params, plan);
  if (input.length !== sizeOf(plan.input)) {
    throw new Error(`the network takes ${sizeOf(plan.input)} inputs, got ${input.length}`);
  }
  const ws = createLayerWorkspace(plan, 1);
  ws.input.set(input);
  layerForward(params, ws, 1, kernels);
  const probabilities = ws.outputs[ws.outputs.length - 1].slice();
  const logits = probabilities.map((p) => Math.log(p));
  return { logits, probabilities, activations: ws.outputs.slice(0, -1).map((output) => output.slice()) };
}
