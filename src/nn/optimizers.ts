// Parameter updates from gradients: SGD, the reference design's momentum, classic momentum and Adam; optional L2.
import type { NetworkParams, OptimizerName, TrainingConfig } from './types';

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
  /** First moments (velocity), per tensor in the order W0, b0, W1, b1, ... */
  private readonly first: Float32Array[];
  /** Adam's second moments, same order; empty for the other optimizers. */
  private readonly second: Float32Array[];
  private stepCount = 0;

  constructor(settings: OptimizerSettings, layerSizes: readonly number[]) {
    this.name = settings.optimizer;
    this.settings = { ...settings };
    const shapes: number[] = [];
    for (let l = 0; l + 1 < layerSizes.length; l++)
      shapes.push(layerSizes[l + 1] * layerSizes[l], layerSizes[l + 1]);
    const needsFirst = settings.optimizer !== 'sgd';
    this.first = needsFirst ? shapes.map((size) => new Float32Array(size)) : [];
    this.second = settings.optimizer === 'adam' ? shapes.map((size) => new Float32Array(size)) : [];
  }

  get steps(): number {
    return this.stepCount;
  }

  /** Applies one update in place. The gradients' weights parts are modified when L2 is on. */
  update(params: NetworkParams, dW: Float32Array[], db: Float32Array[]): void {
    this.stepCount++;
    const { l2 } = this.settings;
    for (let l = 0; l < params.W.length; l++) {
      if (l2 !== 0) addWeightDecay(dW[l], params.W[l], l2);
      this.updateTensor(params.W[l], dW[l], 2 * l);
      this.updateTensor(params.b[l], db[l], 2 * l + 1);
    }
  }

  private updateTensor(w: Float32Array, g: Float32Array, tensor: number): void {
    const { learningRate: alpha, beta1, beta2, epsilon } = this.settings;
    const n = w.length;
    switch (this.name) {
      case 'sgd':
        for (let i = 0; i < n; i++) w[i] -= alpha * g[i];
        return;
      case 'reference-momentum': {
        const v = this.first[tensor];
        const keep = 1 - beta1;
        for (let i = 0; i < n; i++) {
          v[i] = beta1 * v[i] + keep * g[i];
          w[i] -= alpha * v[i];
        }
        return;
      }
      case 'momentum': {
        const v = this.first[tensor];
        for (let i = 0; i < n; i++) {
          v[i] = beta1 * v[i] + g[i];
          w[i] -= alpha * v[i];
        }
        return;
      }
      case 'adam': {
        const m = this.first[tensor];
        const s = this.second[tensor];
        // Folding the bias corrections into the step size saves two divisions per weight.
        const correctedAlpha =
          (alpha * Math.sqrt(1 - beta2 ** this.stepCount)) / (1 - beta1 ** this.stepCount);
        const correctedEpsilon = epsilon * Math.sqrt(1 - beta2 ** this.stepCount);
        for (let i = 0; i < n; i++) {
          const gi = g[i];
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          s[i] = beta2 * s[i] + (1 - beta2) * gi * gi;
          w[i] -= (correctedAlpha * m[i]) / (Math.sqrt(s[i]) + correctedEpsilon);
        }
        return;
      }
    }
  }
}

function addWeightDecay(g: Float32Array, w: Float32Array, l2: number): void {
  for (let i = 0; i < g.length; i++) g[i] += l2 * w[i];
}
