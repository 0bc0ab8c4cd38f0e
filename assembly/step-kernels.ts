// The rest of a training step in SIMD: bias+ReLU, ReLU's mask, bias gradients and the optimizer updates.
// Each mirrors a TypeScript twin in src/nn operation for operation, so results agree to float32 rounding.

/** z (rows×cols) += bias per column, then max(0, ·) when `relu`; pmax(0, v) is `v > 0 ? v : 0`, NaN → 0 too. */
export function addBiasRelu(z: usize, bias: usize, rows: i32, cols: i32, relu: bool): void {
  const zero = f32x4.splat(0);
  const rowBytes = (<usize>cols) << 2;
  for (let r: i32 = 0; r < rows; r++) {
    const row = z + <usize>r * rowBytes;
    let c: i32 = 0;
    for (; c + 4 <= cols; c += 4) {
      const at = row + ((<usize>c) << 2);
      const v = f32x4.add(v128.load(at), v128.load(bias + ((<usize>c) << 2)));
      v128.store(at, relu ? f32x4.pmax(zero, v) : v);
    }
    for (; c < cols; c++) {
      const at = row + ((<usize>c) << 2);
      const v = load<f32>(at) + load<f32>(bias + ((<usize>c) << 2));
      store<f32>(at, relu ? (v > 0 ? v : 0) : v);
    }
  }
}

/** grad[i] = activation[i] > 0 ? grad[i] : 0, as a bit mask instead of a branch. */
export function reluBackward(grad: usize, activation: usize, length: i32): void {
  const zero = f32x4.splat(0);
  let i: i32 = 0;
  for (; i + 4 <= length; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(grad + at, v128.and(v128.load(grad + at), f32x4.gt(v128.load(activation + at), zero)));
  }
  for (; i < length; i++) {
    const at = (<usize>i) << 2;
    if (!(load<f32>(activation + at) > 0)) store<f32>(grad + at, 0);
  }
}

/** out (cols) = Σ_r a[r, ·], rows summed in order (as the TypeScript twin), four columns per vector. */
export function columnSum(out: usize, a: usize, rows: i32, cols: i32): void {
  const rowBytes = (<usize>cols) << 2;
  let c: i32 = 0;
  for (; c + 4 <= cols; c += 4) {
    const column = (<usize>c) << 2;
    let sum = f32x4.splat(0);
    for (let r: i32 = 0; r < rows; r++) sum = f32x4.add(sum, v128.load(a + <usize>r * rowBytes + column));
    v128.store(out + column, sum);
  }
  for (; c < cols; c++) {
    const column = (<usize>c) << 2;
    let sum: f32 = 0;
    for (let r: i32 = 0; r < rows; r++) sum += load<f32>(a + <usize>r * rowBytes + column);
    store<f32>(out + column, sum);
  }
}

/** y += a·x over n values: SGD's step (a = −α) and L2's g += λ·w. */
export function axpy(y: usize, x: usize, a: f32, n: i32): void {
  const av = f32x4.splat(a);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(y + at, f32x4.add(v128.load(y + at), f32x4.mul(av, v128.load(x + at))));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    store<f32>(y + at, load<f32>(y + at) + a * load<f32>(x + at));
  }
}

/** v = β·v + s·g; w −= α·v. s = 1 − β is the reference design's average, s = 1 classic momentum. */
export function momentumUpdate(
  w: usize,
  g: usize,
  v: usize,
  alpha: f32,
  beta: f32,
  scale: f32,
  n: i32,
): void {
  const alphaV = f32x4.splat(alpha);
  const betaV = f32x4.splat(beta);
  const scaleV = f32x4.splat(scale);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    const velocity = f32x4.add(f32x4.mul(betaV, v128.load(v + at)), f32x4.mul(scaleV, v128.load(g + at)));
    v128.store(v + at, velocity);
    v128.store(w + at, f32x4.sub(v128.load(w + at), f32x4.mul(alphaV, velocity)));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    const velocity = beta * load<f32>(v + at) + scale * load<f32>(g + at);
    store<f32>(v + at, velocity);
    store<f32>(w + at, load<f32>(w + at) - alpha * velocity);
  }
}

/**
 * momentumUpdate of the sum of two workers' gradients, g + g2, in one pass: the same numbers as axpy(g, g2,
 * 1) and then momentumUpdate (1·x is exact), without writing the sum back and reading it again.
 */
export function momentumUpdateSum(
  w: usize,
  g: usize,
  g2: usize,
  v: usize,
  alpha: f32,
  beta: f32,
  scale: f32,
  n: i32,
): void {
  const alphaV = f32x4.splat(alpha);
  const betaV = f32x4.splat(beta);
  const scaleV = f32x4.splat(scale);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    const sum = f32x4.add(v128.load(g + at), v128.load(g2 + at));
    const velocity = f32x4.add(f32x4.mul(betaV, v128.load(v + at)), f32x4.mul(scaleV, sum));
    v128.store(v + at, velocity);
    v128.store(w + at, f32x4.sub(v128.load(w + at), f32x4.mul(alphaV, velocity)));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    const velocity = beta * load<f32>(v + at) + scale * (load<f32>(g + at) + load<f32>(g2 + at));
    store<f32>(v + at, velocity);
    store<f32>(w + at, load<f32>(w + at) - alpha * velocity);
  }
}

/** Adam with the bias corrections already folded into alpha and epsilon (see src/nn/optimizer-updates.ts). */
export function adamUpdate(
  w: usize,
  g: usize,
  m: usize,
  s: usize,
  alpha: f32,
  beta1In: f64,
  beta2In: f64,
  epsilon: f32,
  n: i32,
): void {
  // 1 − β in float64 first: 1 − 0.999 in float32 is off by 1e-5 relative, 1000× the rest of the rounding.
  const beta1 = <f32>beta1In;
  const beta2 = <f32>beta2In;
  const keep1 = <f32>(1 - beta1In);
  const keep2 = <f32>(1 - beta2In);
  const alphaV = f32x4.splat(alpha);
  const beta1V = f32x4.splat(beta1);
  const keep1V = f32x4.splat(keep1);
  const beta2V = f32x4.splat(beta2);
  const keep2V = f32x4.splat(keep2);
  const epsilonV = f32x4.splat(epsilon);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    const gi = v128.load(g + at);
    const mi = f32x4.add(f32x4.mul(beta1V, v128.load(m + at)), f32x4.mul(keep1V, gi));
    const si = f32x4.add(f32x4.mul(beta2V, v128.load(s + at)), f32x4.mul(keep2V, f32x4.mul(gi, gi)));
    v128.store(m + at, mi);
    v128.store(s + at, si);
    const step = f32x4.div(f32x4.mul(alphaV, mi), f32x4.add(f32x4.sqrt(si), epsilonV));
    v128.store(w + at, f32x4.sub(v128.load(w + at), step));
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    const gi = load<f32>(g + at);
    const mi = beta1 * load<f32>(m + at) + keep1 * gi;
    const si = beta2 * load<f32>(s + at) + keep2 * gi * gi;
    store<f32>(m + at, mi);
    store<f32>(s + at, si);
    store<f32>(w + at, load<f32>(w + at) - (alpha * mi) / (Mathf.sqrt(si) + epsilon));
  }
}
