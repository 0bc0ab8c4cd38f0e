// An independent float64 forward pass for the inspector's tests: plain loops, no shared engine code.
import type { NetworkParams } from '../../src/nn/types';

export interface ReferenceForward {
  readonly activations: Float64Array[];
  readonly logits: Float64Array;
  readonly probabilities: Float64Array;
}

export function referenceForward(params: NetworkParams, input: ArrayLike<number>): ReferenceForward {
  const sizes = params.layerSizes;
  const layers = sizes.length - 1;
  const activations: Float64Array[] = [];
  let previous = Float64Array.from(input);
  for (let l = 0; l < layers; l++) {
    const z = new Float64Array(sizes[l + 1]);
    for (let j = 0; j < z.length; j++) {
      let sum = params.b[l][j];
      for (let i = 0; i < sizes[l]; i++) sum += params.W[l][j * sizes[l] + i] * previous[i];
      z[j] = l < layers - 1 ? Math.max(0, sum) : sum;
    }
    if (l < layers - 1) activations.push(z);
    previous = z;
  }
  const max = Math.max(...previous);
  const exps = previous.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return { activations, logits: previous, probabilities: exps.map((e) => e / total) };
}

/** Image `index` of a dataset as 784 floats in [0, 1]. */
export function digitInput(images: Uint8Array, index: number, pixels = 784): Float32Array {
  return Float32Array.from(images.subarray(index * pixels, (index + 1) * pixels), (v) => v / 255);
}
