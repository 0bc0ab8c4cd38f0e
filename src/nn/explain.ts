// Everything the inspector shows for one digit: the forward pass, saliency, and the loss and its gradients.
import { argmax } from './argmax';
import { backpropOne } from './backprop-one';
import { PROBABILITY_FLOOR } from './cross-entropy';
import { predictOne } from './predict';
import { inputTimesGradient, probabilityGradient } from './saliency';
import type { NetworkParams } from './types';

export interface ExplainOptions {
  /** Class whose probability the saliency map explains; the predicted class by default. */
  readonly targetClass?: number;
  /** Label the loss is computed for; the predicted class by default. */
  readonly trueLabel?: number;
}

export interface DigitExplanation {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  /** Post-ReLU activations of each hidden layer. */
  readonly activations: Float32Array[];
  readonly predictedClass: number;
  readonly targetClass: number;
  /** ∂p_target/∂x for the 784 inputs. */
  readonly saliency: Float32Array;
  readonly inputTimesGradient: Float32Array;
  readonly trueLabel: number;
  /** −log p_trueLabel (probability clipped like the training loss). */
  readonly loss: number;
  /** ∂L/∂z at the output: softmax − one-hot. */
  readonly dLogits: Float32Array;
  /** ‖∂L/∂W_l‖ (Frobenius) per layer; ∂L/∂W_l = δ_l·a_{l−1}ᵀ is an outer product, so it is ‖δ_l‖·‖a_{l−1}‖. */
  readonly weightGradientNorms: number[];
  /** ‖∂L/∂b_l‖ = ‖δ_l‖ per layer. */
  readonly biasGradientNorms: number[];
}

export function explainDigit(
  params: NetworkParams,
  input: Float32Array,
  options: ExplainOptions = {},
): DigitExplanation {
  const prediction = predictOne(params, input);
  const { probabilities, activations } = prediction;
  const classes = probabilities.length;
  const predictedClass = argmax(probabilities, 0, classes);
  const targetClass = options.targetClass ?? predictedClass;
  const trueLabel = options.trueLabel ?? predictedClass;
  if (!Number.isInteger(trueLabel) || trueLabel < 0 || trueLabel >= classes) {
    throw new Error(`true label must be an integer from 0 to ${classes - 1}, got ${trueLabel}`);
  }
  const saliency = probabilityGradient(params, input, targetClass, prediction);
  const dLogits = new Float32Array(classes);
  for (let k = 0; k < classes; k++) dLogits[k] = probabilities[k] - (k === trueLabel ? 1 : 0);
  const { dZ } = backpropOne(params, activations, dLogits);
  const weightGradientNorms: number[] = [];
  const biasGradientNorms: number[] = [];
  for (let l = 0; l < dZ.length; l++) {
    const below = l === 0 ? input : activations[l - 1];
    const deltaNorm = norm(dZ[l]);
    biasGradientNorms.push(deltaNorm);
    weightGradientNorms.push(deltaNorm * norm(below));
  }
  const p = probabilities[trueLabel];
  return {
    logits: prediction.logits,
    probabilities,
    activations,
    predictedClass,
    targetClass,
    saliency,
    inputTimesGradient: inputTimesGradient(input, saliency),
    trueLabel,
    loss: -Math.log(p > PROBABILITY_FLOOR ? p : PROBABILITY_FLOOR),
    dLogits,
    weightGradientNorms,
    biasGradientNorms,
  };
}

function norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}
