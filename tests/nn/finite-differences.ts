// Central finite differences of a float64 function, compared with an analytic gradient entry by entry.
import { expect } from 'vitest';

const EPS = 1e-5;

/**
 * For every entry i of `tensor`: (f(t + ε) − f(t − ε)) / 2ε against analytic[i], relative error below 1e-3
 * (denominator at least 1e-4, so entries near 0 are compared absolutely). Returns the worst error.
 */
export function expectGradient(
  label: string,
  tensor: Float64Array,
  analytic: ArrayLike<number>,
  f: () => number,
): number {
  expect(analytic.length, label).toBe(tensor.length);
  let worst = 0;
  for (let i = 0; i < tensor.length; i++) {
    const saved = tensor[i];
    tensor[i] = saved + EPS;
    const plus = f();
    tensor[i] = saved - EPS;
    const minus = f();
    tensor[i] = saved;
    const numeric = (plus - minus) / (2 * EPS);
    const error = Math.abs(numeric - analytic[i]) / Math.max(Math.abs(numeric), Math.abs(analytic[i]), 1e-4);
    worst = Math.max(worst, error);
    expect(error, `${label}[${i}]: backprop ${analytic[i]}, finite differences ${numeric}`).toBeLessThan(
      1e-3,
    );
  }
  return worst;
}

/** Uniform values in [−scale, scale) from a seeded generator's nextFloat. */
export function randomValues(length: number, next: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length }, () => (next() * 2 - 1) * scale);
}
