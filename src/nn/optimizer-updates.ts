// The optimizers' per-tensor update loops as kernels over typed arrays (the WebAssembly twins mirror these).

/** y += a·x over the first n values: SGD's step (a = −α) and L2's g += λ·w. */
export function axpy(y: Float32Array, x: Float32Array, a: number, n: number): void {
  for (let i = 0; i < n; i++) y[i] += a * x[i];
}

/** v = β·v + s·g; w −= α·v over n values. s = 1 − β: the reference design's average; s = 1: classic momentum. */
export function momentumUpdate(
  w: Float32Array,
  g: Float32Array,
  v: Float32Array,
  alpha: number,
  beta: number,
  scale: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    v[i] = beta * v[i] + scale * g[i];
    w[i] -= alpha * v[i];
  }
}

/**
 * momentumUpdate of g + g2 (two workers' gradients) in one pass: the same numbers as axpy(g, g2, 1) and then
 * momentumUpdate, since the sum is rounded to float32 as that store would round it; g is left as it was.
 */
export function momentumUpdateSum(
  w: Float32Array,
  g: Float32Array,
  g2: Float32Array,
  v: Float32Array,
  alpha: number,
  beta: number,
  scale: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    v[i] = beta * v[i] + scale * Math.fround(g[i] + g2[i]);
    w[i] -= alpha * v[i];
  }
}

/**
 * m = β1·m + (1−β1)·g; s = β2·s + (1−β2)·g²; w −= α·m / (√s + ε). The caller folds Adam's bias corrections
 * into α and ε (α·√(1−β2ᵗ)/(1−β1ᵗ) and ε·√(1−β2ᵗ)), which saves two divisions per weight.
 */
export function adamUpdate(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  s: Float32Array,
  alpha: number,
  beta1: number,
  beta2: number,
  epsilon: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    m[i] = beta1 * m[i] + (1 - beta1) * gi;
    s[i] = beta2 * s[i] + (1 - beta2) * gi * gi;
    w[i] -= (alpha * m[i]) / (Math.sqrt(s[i]) + epsilon);
  }
}
