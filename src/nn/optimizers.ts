// Parameter updates from gradients: SGD, the reference design's momentum, classic momentum and Adam; optional L2.
import { typescriptKernels, type Kernels } from './kernels';
import { adamUpdate, axpy, momentumUpdate, momentumUpdateSum } from './optimizer-updates';
import type { NetworkParams, OptimizerName, TrainingConfig } from './types';

/** What an optimizer updates: weights and biases per weighted layer (NetworkParams and LayerNetworkParams alike). */
export type ParameterTensors = Pick<NetworkParams, 'W' | 'b'>;

export type OptimizerSettings = Pick<
  TrainingConfig,
  'optimizer' | 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'l2'
>;

/**
 * Updates (per weight w with gradient g, after g += l2·w for weights, never biases):
 * - 'sgd':                w −= α·g
 * - 'reference-momentum': v = β·v + (1−β)·g;  w −= α·v   (the design's exponential average)
 * - 'momentum':           v = β·v + g;        w −= α·v   (classic heavy ball, as PyTorch's SGD momentum)
 * - 'adam':               m = β1·m + (1−β1)·g; s = β2·s + (1−β2)·g²; w −= α·m̂ / (√ŝ + ε), bias-corrected
 */
export class Optimizer {
  readonly name: OptimizerName;
  private readonly settings: OptimizerSettings;
  private readonly kernels: Kernels;
  /** First moments (velocity), per tensor in the order W0, b0, W1, b1, ... */
  private readonly first: Float32Array[];
  /** Adam's second moments, same order; empty for the other optimizers. */
  private readonly second: Float32Array[];
  private stepCount = 0;
  /** Multiplies the configured learning rate (a schedule's current factor; 1 = as configured). */
  learningRateScale = 1;

  /**
   * The state is shaped after a dense network's layer sizes or after the tensors themselves. `kernels` runs
   * the updates; its `allocate` (when present) places the state beside the weights.
   */
  constructor(
    settings: OptimizerSettings,
    shapeOf: readonly number[] | ParameterTensors,
    kernels: Kernels = typescriptKernels,
  ) {
    this.name = settings.optimizer;
    this.settings = { ...settings };
    this.kernels = kernels;
    const shapes: number[] = [];
    if ('W' in shapeOf) {
      shapeOf.W.forEach((w, l) => shapes.push(w.length, shapeOf.b[l].length));
    } else {
      for (let l = 0; l + 1 < shapeOf.length; l++) shapes.push(shapeOf[l + 1] * shapeOf[l], shapeOf[l + 1]);
    }
    const allocate = (size: number) => kernels.allocate?.(size) ?? new Float32Array(size);
    const needsFirst = settings.optimizer !== 'sgd';
    this.first = needsFirst ? shapes.map(allocate) : [];
    this.second = settings.optimizer === 'adam' ? shapes.map(allocate) : [];
  }

  get steps(): number {
    return this.stepCount;
  }

  /** Applies one update in place. The gradients' weights parts are modified when L2 is on. */
  update(params: ParameterTensors, dW: Float32Array[], db: Float32Array[]): void {
    this.stepCount++;
    const { l2 } = this.settings;
    const k = this.kernels;
    for (let l = 0; l < params.W.length; l++) {
      const w = params.W[l];
      if (l2 !== 0) {
        if (k.axpy) k.axpy(dW[l], w, l2, w.length);
        else axpy(dW[l], w, l2, w.length);
      }
      this.updateTensor(w, dW[l], 2 * l);
      this.updateTensor(params.b[l], db[l], 2 * l + 1);
    }
  }

  private updateTensor(w: Float32Array, g: Float32Array, tensor: number): void {
    updateParameters(
      this.settings,
      this.stepCount,
      this.learningRateScale,
      this.kernels,
      w,
      g,
      this.first[tensor] ?? null,
      this.second[tensor] ?? null,
    );
  }
}

/**
 * One optimizer step on `w` with gradient `g` (same length), in place: what Optimizer does per tensor, for
 * callers that hold the state themselves (each worker of a data-parallel run updates its own slice).
 * `first` is needed by every optimizer but SGD, `second` by Adam; `step` counts from 1 (Adam's corrections).
 * With `g2`, the gradient is g + g2 (two workers'): both momenta read the sum as they go (momentumUpdateSum,
 * the same numbers), the others have it added into `g` first.
 */
export function updateParameters(
  settings: OptimizerSettings,
  step: number,
  learningRateScale: number,
  kernels: Kernels,
  w: Float32Array,
  g: Float32Array,
  first: Float32Array | null,
  second: Float32Array | null,
  g2: Float32Array | null = null,
): void {
  const { beta1, beta2, epsilon } = settings;
  const alpha = settings.learningRate * learningRateScale;
  const k = kernels;
  const n = w.length;
  const momentum = settings.optimizer === 'momentum' || settings.optimizer === 'reference-momentum';
  if (g2 !== null && !momentum) {
    if (k.axpy) k.axpy(g, g2, 1, n);
    else axpy(g, g2, 1, n);
  }
  switch (settings.optimizer) {
    case 'sgd':
      if (k.axpy) k.axpy(w, g, -alpha, n);
      else axpy(w, g, -alpha, n);
      return;
    case 'reference-momentum':
    case 'momentum': {
      const scale = settings.optimizer === 'momentum' ? 1 : 1 - beta1;
      const v = requireState(first, settings.optimizer);
      if (g2 !== null) {
        if (k.momentumUpdateSum) k.momentumUpdateSum(w, g, g2, v, alpha, beta1, scale, n);
        else momentumUpdateSum(w, g, g2, v, alpha, beta1, scale, n);
      } else if (k.momentumUpdate) {
        k.momentumUpdate(w, g, v, alpha, beta1, scale, n);
      } else {
        momentumUpdate(w, g, v, alpha, beta1, scale, n);
      }
      return;
    }
    case 'adam': {
      const m = requireState(first, 'adam');
      const s = requireState(second, 'adam');
      const correctedAlpha = (alpha * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      const correctedEpsilon = epsilon * Math.sqrt(1 - beta2 ** step);
      if (k.adamUpdate) k.adamUpdate(w, g, m, s, correctedAlpha, beta1, beta2, correctedEpsilon, n);
      else adamUpdate(w, g, m, s, correctedAlpha, beta1, beta2, correctedEpsilon, n);
      return;
    }
  }
}

/**
 * The update from the sum of the first `count` of `gradients` (several workers' gradients of one tensor
 * slice), added into gradients[0] in worker order so a run repeats exactly for a given worker count, with
 * l2·w added when `l2` is not 0. Two workers without L2, the usual parallel run, hand the second gradient to
 * updateParameters, so under momentum the sum is neither written back nor read again.
 */
export function updateFromGradientSum(
  settings: OptimizerSettings,
  step: number,
  learningRateScale: number,
  kernels: Kernels,
  w: Float32Array,
  gradients: readonly Float32Array[],
  count: number,
  l2: number,
  first: Float32Array | null,
  second: Float32Array | null,
): void {
  const k = kernels;
  const sum = gradients[0];
  const n = w.length;
  if (count === 2 && l2 === 0) {
    updateParameters(settings, step, learningRateScale, k, w, sum, first, second, gradients[1]);
    return;
  }
  for (let worker = 1; worker < count; worker++) {
    if (k.axpy) k.axpy(sum, gradients[worker], 1, n);
    else axpy(sum, gradients[worker], 1, n);
  }
  if (l2 !== 0) {
    if (k.axpy) k.axpy(sum, w, l2, n);
    else axpy(sum, w, l2, n);
  }
  updateParameters(settings, step, learningRateScale, k, w, sum, first, second);
}

/** How many state arrays (moments) an optimizer keeps per parameter. */
export function optimizerStateCount(optimizer: OptimizerName): number {
  return optimizer === 'sgd' ? 0 : optimizer === 'adam' ? 2 : 1;
}

function requireState(state: Float32Array | null, optimizer: OptimizerName): Float32Array {
  if (state === null) throw new Error(`the ${optimizer} optimizer needs its moment buffers`);
  return state;
}
