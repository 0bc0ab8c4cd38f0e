// Why this answer: how much each input pixel moves the probability of one class (gradient and input × gradient).
import { backpropOne } from './backprop-one';
import { predictOne, type Prediction } from './predict';
import type { NetworkParams } from './types';

export type SaliencyMethod = 'gradient' | 'input-x-gradient';

/**
 * ∂p_c/∂x for every input x. Softmax's Jacobian gives the start: ∂p_c/∂z_k = p_c·(δ_ck − p_k);
 * backpropOne carries it down to the pixels. Pass `prediction` when the forward pass has already run.
 */
export function probabilityGradient(
  params: NetworkParams,
  input: Float32Array,
  targetClass: number,
  prediction: Prediction = predictOne(params, input),
): Float32Array {
  const p = prediction.probabilities;
  if (!Number.isInteger(targetClass) || targetClass < 0 || targetClass >= p.length) {
    throw new Error(`target class must be an integer from 0 to ${p.length - 1}, got ${targetClass}`);
  }
  const dLogits = new Float32Array(p.length);
  const pc = p[targetClass];
  for (let k = 0; k < p.length; k++) dLogits[k] = pc * ((k === targetClass ? 1 : 0) - p[k]);
  return backpropOne(params, prediction.activations, dLogits).dInput;
}

/** input × gradient: the gradient kept only where there is ink, weighted by how much ink. */
export function inputTimesGradient(input: Float32Array, gradient: Float32Array): Float32Array {
  const out = new Float32Array(input.length);
  for (let i = 0; i < input.length; i++) out[i] = input[i] * gradient[i];
  return out;
}
