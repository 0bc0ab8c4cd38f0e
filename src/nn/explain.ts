// Everything the inspector shows for one digit: the forward pass, saliency, and the loss and its gradients.
import { argmax } from './argmax';
import { backpropOne } from './backprop-one';
import { PROBABILITY_FLOOR } from './cross-entropy';
import { layerDigitPass, type HiddenLayerShape } from './explain-layers';
import { denseParamsOf, layerParamsOf, type ModelParams } from './model-params';
import type { LayerNetworkParams } from './layer-network';
import { predictOne } from './predict';
import { inputTimesGradient, probabilityGradient } from './saliency';
import type { NetworkParams } from './types';

export type { HiddenLayerShape };

export interface ExplainOptions {
  /** Class whose probability the saliency map explains; the predicted class by default. */
  readonly targetClass?: number;
  /** Label the loss is computed for; the predicted class by default. */
  readonly trueLabel?: number;
}

export interface DigitExplanation {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  /** Post-ReLU activations of each hidden layer (conv and pool maps channel-major). */
  readonly activations: Float32Array[];
  /** Each hidden layer's kind and shape (a dense layer's N units are N×1×1). */
  readonly layerShapes: HiddenLayerShape[];
  /** Per hidden layer, ∂L/∂z: the loss's gradient at its pre-ReLU output (a pool layer: at its output). */
  readonly layerGradients: Float32Array[];
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
  /**
   * ‖∂L/∂W_l‖ (Frobenius) per weighted layer; for a dense layer ∂L/∂W_l = δ_l·a_{l−1}ᵀ is an outer product, so
   * it is ‖δ_l‖·‖a_{l−1}‖.
   */
  readonly weightGradientNorms: number[];
  /** ‖∂L/∂b_l‖ per weighted layer (‖δ_l‖ for a dense one). */
  readonly biasGradientNorms: number[];
}

/** Explains one digit through any model: a dense network or a layer list with conv and pool layers. */
export function explainDigit(
  model: ModelParams,
  input: Float32Array,
  options: ExplainOptions = {},
): DigitExplanation {
  const dense = denseParamsOf(model);
  return dense ? explainDense(dense, input, options) : explainLayers(layerParamsOf(model), input, options);
}

function explainDense(params: NetworkParams, input: Float32Array, options: ExplainOptions): DigitExplanation {
  const prediction = predictOne(params, input);
  const { probabilities, activations } = prediction;
  const { predictedClass, targetClass, trueLabel } = classesOf(probabilities, options);
  const saliency = probabilityGradient(params, input, targetClass, prediction);
  const dLogits = lossGradient(probabilities, trueLabel);
  const { dZ } = backpropOne(params, activations, dLogits);
  const weightGradientNorms: number[] = [];
  const biasGradientNorms: number[] = [];
  for (let l = 0; l < dZ.length; l++) {
    const below = l === 0 ? input : activations[l - 1];
    const deltaNorm = norm(dZ[l]);
    biasGradientNorms.push(deltaNorm);
    weightGradientNorms.push(deltaNorm * norm(below));
  }
  return {
    logits: prediction.logits,
    probabilities,
    activations,
    layerShapes: activations.map((a) => ({ kind: 'dense', channels: a.length, height: 1, width: 1 })),
    layerGradients: dZ.slice(0, -1),
    predictedClass,
    targetClass,
    saliency,
    inputTimesGradient: inputTimesGradient(input, saliency),
    trueLabel,
    loss: lossOf(probabilities[trueLabel]),
    dLogits,
    weightGradientNorms,
    biasGradientNorms,
  };
}

/**
 * The same figures for a network with conv and pool layers. Its logits are ln p: the output layer's logits up to
 * one added constant, which softmax ignores (as predictLayersOne gives them).
 */
function explainLayers(
  params: LayerNetworkParams,
  input: Float32Array,
  options: ExplainOptions,
): DigitExplanation {
  const pass = layerDigitPass(params, input);
  const { probabilities, activations } = pass;
  const { predictedClass, targetClass, trueLabel } = classesOf(probabilities, options);
  // ∂p_c/∂z_k = p_c·(δ_ck − p_k), carried down to the pixels, as probabilityGradient does for dense networks.
  const pc = probabilities[targetClass];
  const dProbability = probabilities.map((p, k) => pc * ((k === targetClass ? 1 : 0) - p));
  const saliency = pass.backward(dProbability).dInput;
  const dLogits = lossGradient(probabilities, trueLabel);
  const { dZ, dW, db } = pass.backward(dLogits);
  return {
    logits: probabilities.map((p) => Math.log(p)),
    probabilities,
    activations,
    layerShapes: pass.shapes,
    layerGradients: dZ,
    predictedClass,
    targetClass,
    saliency,
    inputTimesGradient: inputTimesGradient(input, saliency),
    trueLabel,
    loss: lossOf(probabilities[trueLabel]),
    dLogits,
    weightGradientNorms: dW.map(norm),
    biasGradientNorms: db.map(norm),
  };
}

function classesOf(probabilities: Float32Array, options: ExplainOptions) {
  const classes = probabilities.length;
  const predictedClass = argmax(probabilities, 0, classes);
  const targetClass = options.targetClass ?? predictedClass;
  const trueLabel = options.trueLabel ?? predictedClass;
  if (!Number.isInteger(targetClass) || targetClass < 0 || targetClass >= classes) {
    throw new Error(`target class must be an integer from 0 to ${classes - 1}, got ${targetClass}`);
  }
  if (!Number.isInteger(trueLabel) || trueLabel < 0 || trueLabel >= classes) {
    throw new Error(`true label must be an integer from 0 to ${classes - 1}, got ${trueLabel}`);
  }
  return { predictedClass, targetClass, trueLabel };
}

/** ∂L/∂z for the cross-entropy loss of `trueLabel`: softmax − one-hot. */
function lossGradient(probabilities: Float32Array, trueLabel: number): Float32Array {
  return probabilities.map((p, k) => p - (k === trueLabel ? 1 : 0));
}

/** −log p, the probability clipped like the training loss. */
function lossOf(p: number): number {
  return -Math.log(p > PROBABILITY_FLOOR ? p : PROBABILITY_FLOOR);
}

function norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}
