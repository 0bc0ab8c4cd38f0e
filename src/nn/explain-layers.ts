// One digit through a layer-list network for the inspector: every layer's maps, the saliency and the loss's gradients.
import { conv2dBackward } from './conv2d';
import { denseBackward } from './dense';
import { typescriptKernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerForward } from './layer-pass';
import { resolveLayers, sizeOf, type Shape } from './layer-shapes';
import { createLayerWorkspace, type LayerWorkspace } from './layer-workspace';
import { maxPoolBackward } from './max-pool';

/** A hidden layer as the inspector draws it: conv and pool layers as C maps of H×W, dense ones as N×1×1 units. */
export interface HiddenLayerShape extends Shape {
  readonly kind: 'conv' | 'pool' | 'dense';
}

export interface LayerDigitPass {
  readonly probabilities: Float32Array;
  /** Every hidden layer's output after ReLU, channel-major. */
  readonly activations: Float32Array[];
  readonly shapes: HiddenLayerShape[];
  /** Runs the backward pass from `dLogits` (∂·/∂z at the output) for this digit. */
  backward(dLogits: Float32Array): LayerBackprop;
}

export interface LayerBackprop {
  /** ∂·/∂x for the input pixels. */
  readonly dInput: Float32Array;
  /** Per hidden layer: the gradient of its pre-ReLU output (conv, dense) or of its output (pool). */
  readonly dZ: Float32Array[];
  /** Per weighted layer, shaped as W and b. */
  readonly dW: Float32Array[];
  readonly db: Float32Array[];
}

/** The forward pass for one digit on the TypeScript kernels (one sample costs well under a millisecond). */
export function layerDigitPass(params: LayerNetworkParams, input: Float32Array): LayerDigitPass {
  const plan = resolveLayers(params.layers);
  checkLayerParams(params, plan);
  if (input.length !== sizeOf(plan.input)) {
    throw new Error(`the network takes ${sizeOf(plan.input)} inputs, got ${input.length}`);
  }
  const ws = createLayerWorkspace(plan, 1);
  ws.input.set(input);
  layerForward(params, ws, 1, typescriptKernels);
  const top = ws.outputs.length - 1;
  const shapes = plan.steps.slice(0, -1).map(({ layer, output }) => ({ kind: layer.kind, ...output }));
  return {
    probabilities: ws.outputs[top].slice(),
    activations: ws.outputs.slice(0, -1).map((output) => output.slice()),
    shapes,
    backward: (dLogits) => backpropFrom(params, ws, dLogits),
  };
}

/**
 * layerBackward for one sample from a given output gradient, carried down to the pixels (training stops at the
 * first weighted layer; saliency needs the input's gradient too).
 */
function backpropFrom(params: LayerNetworkParams, ws: LayerWorkspace, dLogits: Float32Array): LayerBackprop {
  const kernels = typescriptKernels;
  const top = ws.steps.length - 1;
  ws.gradients[top].set(dLogits);
  const dInput = new Float32Array(ws.input.length);
  const dZ: Float32Array[] = new Array<Float32Array>(top);
  let weighted = params.W.length;
  for (let i = top; i >= 0; i--) {
    const step = ws.steps[i];
    const below = i > 0 ? ws.gradients[i - 1] : dInput;
    const input = i > 0 ? ws.outputs[i - 1] : ws.input;
    const dOut = ws.gradients[i];
    const out = ws.outputs[i];
    if (step.kind === 'conv') {
      weighted--;
      const W = params.W[weighted];
      const { geometry, scratch } = step;
      conv2dBackward(
        below,
        ws.dW[weighted],
        ws.db[weighted],
        dOut,
        out,
        input,
        W,
        1,
        geometry,
        scratch,
        kernels,
      );
      // The TypeScript twin leaves the one sample's dZ = dOut ⊙ [out > 0] in scratch.z.
      if (i < top) dZ[i] = scratch.z.slice(0, out.length);
    } else if (step.kind === 'pool') {
      maxPoolBackward(below, dOut, step.argmax, 1, step.geometry);
      if (i < top) dZ[i] = dOut.slice();
    } else {
      weighted--;
      const { inputs, units, relu } = step;
      const W = params.W[weighted];
      denseBackward(
        below,
        ws.dW[weighted],
        ws.db[weighted],
        dOut,
        out,
        input,
        W,
        1,
        inputs,
        units,
        relu,
        kernels,
      );
      if (i < top) dZ[i] = dOut.slice();
    }
  }
  return { dInput, dZ, dW: ws.dW.map((w) => w.slice()), db: ws.db.map((v) => v.slice()) };
}
