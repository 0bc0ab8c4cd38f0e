// The shared vocabulary of the engine: networks, datasets, training configs and reports.
import type { Augmentation } from './augmentation';

/** A multilayer perceptron's parameters, stored as the design stores them. */
export interface NetworkParams {
  /** e.g. [784, 200, 100, 25, 10]; input first, output last. */
  readonly layerSizes: readonly number[];
  /** W[i] has shape (layerSizes[i+1], layerSizes[i]), row-major: W[i][unit * inputs + input]. */
  readonly W: Float32Array[];
  /** b[i] has shape (layerSizes[i+1], 1). */
  readonly b: Float32Array[];
}

/** MNIST-style images as bytes, one image after another (rows * cols bytes each). */
export interface Dataset {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

export type OptimizerName = 'sgd' | 'reference-momentum' | 'momentum' | 'adam';

export interface TrainingConfig {
  /** Hidden layer widths; input 784 and output 10 are implied. [] when `layers` has a conv or pool layer. */
  readonly hiddenSizes: readonly number[];
  /**
   * The hidden layers as text (`conv 8@5x5, pool 2, dense 100`); when present it is the network and wins over
   * hiddenSizes. Absent in configs from before layer lists, which read as their dense hiddenSizes.
   */
  readonly layers?: string;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  /** Momentum coefficient (reference and classic momentum) or Adam's beta1. */
  readonly beta1: number;
  /** Adam's beta2. */
  readonly beta2: number;
  readonly epsilon: number;
  readonly batchSize: number;
  readonly epochs: number;
  /** L2 weight decay coefficient (0 = off). */
  readonly l2: number;
  readonly seed: number;
  /**
   * The learning rate is multiplied by this after every epoch: epoch e (from 0) trains at α·decayᵉ. Absent
   * or 1: constant, as the reference design (configs from before this field read the same).
   */
  readonly learningRateDecay?: number;
  /** Train on distorted copies of the digits, drawn anew each epoch. Absent: the digits as they are. */
  readonly augmentation?: Augmentation;
}

/** The reference design: 784-200-100-25-10, batch 128, alpha 0.5 on an exponential average (beta 0.9), 20 epochs. */
export const REFERENCE_CONFIG: TrainingConfig = {
  hiddenSizes: [200, 100, 25],
  optimizer: 'reference-momentum',
  learningRate: 0.5,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  batchSize: 128,
  epochs: 20,
  l2: 0,
  seed: 1,
};

export const INPUT_SIZE = 784;
export const CLASS_COUNT = 10;

export interface StepReport {
  readonly epoch: number;
  /** 0-based index of the batch within the epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly samplesSeen: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface EvaluationResult {
  readonly loss: number;
  readonly accuracy: number;
  /** 10x10 row-major counts: confusion[trueLabel * 10 + predicted]. */
  readonly confusion: Int32Array;
  readonly perClassAccuracy: Float64Array;
  /** Predicted class of every sample. */
  readonly predictions: Uint8Array;
  /** Probability of the predicted class, per sample. */
  readonly confidences: Float32Array;
}

export interface EpochReport {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}
