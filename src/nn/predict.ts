// One digit through the network, keeping every hidden layer's activations for the inspector.
import { softmaxRows } from './softmax';
import type { NetworkParams } from './types';

export interface Prediction {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  /** One per hidden layer, post-ReLU. */
  readonly activations: Float32Array[];
}

/** `input` holds layerSizes[0] values in [0, 1] (784 for a 28x28 digit). */
export function predictOne(params: NetworkParams, input: Float32Array): Prediction {
  const sizes = params.layerSizes;
  if (input.length !== sizes[0]) {
    throw new Error(`the network takes ${sizes[0]} inputs, got ${input.length}`);
  }
  const layers = sizes.length - 1;
  // A drawn digit is mostly blank: the first layer only visits the pixels that are not zero.
  const nonZero: number[] = [];
  for (let i = 0; i < input.length; i++) if (input[i] !== 0) nonZero.push(i);
  const activations: Float32Array[] = [];
  let previous = input;
  for (let l = 0; l < layers; l++) {
    const inputs = sizes[l];
    const units = sizes[l + 1];
    const W = params.W[l];
    const z = new Float32Array(units);
    for (let j = 0; j < units; j++) {
      const row = j * inputs;
      let sum = params.b[l][j];
      if (l === 0) {
        for (let t = 0; t < nonZero.length; t++) sum += previous[nonZero[t]] * W[row + nonZero[t]];
      } else {
        for (let i = 0; i < inputs; i++) sum += previous[i] * W[row + i];
      }
      z[j] = l < layers - 1 && sum < 0 ? 0 : sum;
    }
    if (l < layers - 1) activations.push(z);
    previous = z;
  }
  const logits = previous;
  const probabilities = new Float32Array(logits.length);
  softmaxRows(probabilities, logits, 1, logits.length);
  return { logits, probabilities, activations };
}
