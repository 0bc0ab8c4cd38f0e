// The inspector's calls into the training session: one digit explained, the weights, the test-set analysis, labels.
import { transfer } from 'comlink';
import type { MnistSplit } from '../data/mnist-assets';
import { explainDigit, type DigitExplanation, type ExplainOptions } from '../nn/explain';
import type { Kernels } from '../nn/kernels';
import type { ModelParams } from '../nn/model-params';
import type { Dataset, NetworkParams } from '../nn/types';

/** What the session lends these methods; `Slot` is the session's model slot name. */
export interface InspectSessionAccess<Slot> {
  /** The slot's dense network; throws for a network with conv or pool layers. */
  paramsOf(slot: Slot): NetworkParams;
  /** The slot's network, whatever its layers. */
  modelParamsOf(slot: Slot): ModelParams;
  requireDataset(split: MnistSplit): Dataset;
  readonly kernels: Kernels;
}

/** A copy of a network's parameters, safe to hold on the main thread while training changes the original. */
export interface NetworkWeights {
  readonly layerSizes: number[];
  readonly W: Float32Array[];
  readonly b: Float32Array[];
}

/** Everything the Analysis panel shows, for one model on the test set. */
export interface TestSetAnalysis {
  readonly count: number;
  readonly classes: number;
  readonly loss: number;
  readonly accuracy: number;
  /** confusion[trueLabel * classes + predicted]. */
  readonly confusion: Int32Array;
  readonly support: Int32Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly labels: Uint8Array;
  readonly predictions: Uint8Array;
  /** Probability of the predicted class per sample. */
  readonly confidences: Float32Array;
  /** count × classes probabilities. */
  readonly probabilities: Float32Array;
  /** Per hidden layer: how many test digits make each unit fire, and 1 for units that never do ([] for a CNN). */
  readonly fireCounts: Int32Array[];
  readonly dead: Uint8Array[];
}

export function createInspectMethods<Slot>(session: InspectSessionAccess<Slot>) {
  return {
    /** Forward pass, saliency, loss and gradient sizes for one digit (784 values in [0, 1]). */
    explain(input: Float32Array, slot: Slot, options: ExplainOptions = {}): DigitExplanation {
      const e = explainDigit(session.paramsOf(slot), input, options);
      return transfer(e, [
        e.logits.buffer,
        e.probabilities.buffer,
        ...e.activations.map((a) => a.buffer),
        e.saliency.buffer,
        e.inputTimesGradient.buffer,
        e.dLogits.buffer,
      ]);
    },

    /** A copy of the slot's weights and biases. */
    getWeights(slot: Slot): NetworkWeights {
      const params = session.paramsOf(slot);
      const W = params.W.map((w) => w.slice());
      const b = params.b.map((v) => v.slice());
      return transfer({ layerSizes: [...params.layerSizes], W, b }, [
        ...W.map((w) => w.buffer),
        ...b.map((v) => v.buffer),
      ]);
    },

    /** The test set through the slot's model: see analyse-test-set.ts. */
    async analyseTestSet(slot: Slot, limit?: number): Promise<TestSetAnalysis> {
      // Fetched on first use: the worker also serves the landing page's first prediction, which needs none of it.
      const { analyseTestSet } = await import('./analyse-test-set');
      return analyseTestSet(session, slot, limit);
    },

    /** A copy of a split's labels, for filtering digits by label. */
    getLabels(split: MnistSplit): Uint8Array {
      const labels = session.requireDataset(split).labels.slice();
      return transfer(labels, [labels.buffer]);
    },
  };
}
