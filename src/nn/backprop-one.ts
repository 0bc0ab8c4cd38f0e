// Backpropagation for one digit: a gradient at the logits pushed back through every layer to the 784 inputs.
import type { NetworkParams } from './types';

export interface SampleBackprop {
  /** dZ[l]: the gradient w.r.t. layer l's pre-activation z (hidden layers first, the logits last). */
  readonly dZ: Float32Array[];
  /** The gradient w.r.t. the inputs (784 for a digit). */
  readonly dInput: Float32Array;
}

/**
 * Given `activations` (post-ReLU hidden layers of a forward pass) and dLogits = ∂f/∂z_L for some scalar f,
 * applies the chain rule: dA_{l-1} = W_lᵀ·dZ_l, and dZ_{l-1} = dA_{l-1} ⊙ [a_{l-1} > 0] (ReLU's slope).
 * Sums run in float64: these numbers are shown to people and checked against finite differences.
 */
export function backpropOne(
  params: NetworkParams,
  activations: readonly Float32Array[],
  dLogits: Float32Array,
): SampleBackprop {
  const sizes = params.layerSizes;
  const layers = sizes.length - 1;
  if (activations.length !== layers - 1) {
    throw new Error(`expected ${layers - 1} hidden activation vectors, got ${activations.length}`);
  }
  if (dLogits.length !== sizes[layers]) {
    throw new Error(`expected ${sizes[layers]} logit gradients, got ${dLogits.length}`);
  }
  const dZ: Float32Array[] = new Array<Float32Array>(layers);
  dZ[layers - 1] = Float32Array.from(dLogits);
  let dInput = new Float32Array(sizes[0]);
  for (let l = layers - 1; l >= 0; l--) {
    const dA = transposeTimes(params.W[l], dZ[l], sizes[l + 1], sizes[l]);
    if (l === 0) {
      dInput = Float32Array.from(dA);
      break;
    }
    const below = activations[l - 1];
    const gated = new Float32Array(sizes[l]);
    for (let i = 0; i < gated.length; i++) gated[i] = below[i] > 0 ? dA[i] : 0;
    dZ[l - 1] = gated;
  }
  return { dZ, dInput };
}

/** Wᵀ·v for W stored (units×inputs) row-major, walking W row by row so memory is read in order. */
function transposeTimes(W: Float32Array, v: Float32Array, units: number, inputs: number): Float64Array {
  const out = new Float64Array(inputs);
  for (let j = 0; j < units; j++) {
    const vj = v[j];
    if (vj === 0) continue;
    const row = j * inputs;
    for (let i = 0; i < inputs; i++) out[i] += vj * W[row + i];
  }
  return out;
}
