// Creating, copying and checking a network's parameters (He initialisation from a seeded generator).
import { SeededRandom } from './random';
import type { NetworkParams } from './types';

/**
 * W[i] (out×in) drawn from N(0, sqrt(2 / in)) — He initialisation, which keeps ReLU activations from
 * shrinking or growing layer after layer — and b[i] = 0. The same seed always gives the same weights.
 */
export function createNetwork(layerSizes: readonly number[], seed: number): NetworkParams {
  checkLayerSizes(layerSizes);
  const random = new SeededRandom(seed);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (let layer = 0; layer + 1 < layerSizes.length; layer++) {
    const inputs = layerSizes[layer];
    const units = layerSizes[layer + 1];
    const weights = new Float32Array(units * inputs);
    random.fillNormals(weights, Math.sqrt(2 / inputs));
    W.push(weights);
    b.push(new Float32Array(units));
  }
  return { layerSizes: [...layerSizes], W, b };
}

export function cloneParams(p: NetworkParams): NetworkParams {
  return { layerSizes: [...p.layerSizes], W: p.W.map((w) => w.slice()), b: p.b.map((v) => v.slice()) };
}

/** Overwrites `dst`'s numbers with `src`'s; both must have the same layer sizes. */
export function copyParamsInto(dst: NetworkParams, src: NetworkParams): void {
  if (!sameLayerSizes(dst.layerSizes, src.layerSizes)) {
    throw new Error(
      `cannot copy a ${src.layerSizes.join('-')} network into a ${dst.layerSizes.join('-')} network`,
    );
  }
  for (let i = 0; i < src.W.length; i++) {
    dst.W[i].set(src.W[i]);
    dst.b[i].set(src.b[i]);
  }
}

export function sameLayerSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}

/** Number of weights and biases. */
export function parameterCount(layerSizes: readonly number[]): number {
  let count = 0;
  for (let i = 0; i + 1 < layerSizes.length; i++) count += layerSizes[i + 1] * (layerSizes[i] + 1);
  return count;
}

function checkLayerSizes(layerSizes: readonly number[]): void {
  if (layerSizes.length < 2) throw new Error('a network needs at least an input and an output layer');
  for (const size of layerSizes) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`layer sizes must be positive integers, got ${layerSizes.join(', ')}`);
    }
  }
}
