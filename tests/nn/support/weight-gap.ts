// How far apart two trainings' weights are: every W and b in one vector, and their largest relative gap.
import type { ParameterTensors } from '../../../src/nn/optimizers';

/** W[0], b[0], W[1], b[1], … in one vector. */
export function flattenWeights({ W, b }: ParameterTensors): Float32Array {
  const parts = W.flatMap((w, l) => [w, b[l]]);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Largest |a − b| over the largest |b|: how far apart two weight sets are, relative to their size. */
export function relativeGap(a: Float32Array, b: Float32Array): number {
  let gap = 0;
  let size = 0;
  for (let i = 0; i < a.length; i++) {
    gap = Math.max(gap, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(b[i]));
  }
  return gap / size;
}
