// The inspector's calls into the training session: one digit explained, the weights, the test-set analysis, labels.
import { transfer } from 'comlink';
import type { MnistSplit } from '../data/mnist-assets';
import { explainDigit, type DigitExplanation, type ExplainOptions } from '../nn/explain';
import type { Kernels } from '../nn/kernels';
import { resolveLayers, type Shape } from '../nn/layer-shapes';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../nn/model-params';
import type { Dataset } from '../nn/types';

/** What the session lends these methods; `Slot` is the session's model slot name. */
export interface InspectSessionAccess<Slot> {
  /** The slot's network, whatever its layers. */
  modelParamsOf(slot: Slot): ModelParams;
  requireDataset(split: MnistSplit): Dataset;
  readonly kernels: Kernels;
}

/** A copy of a dense network's parameters, safe to hold on the main thread while training changes the original. */
export interface NetworkWeights {
  readonly layerSizes: number[];
  readonly W: Float32Array[];
  readonly b: Float32Array[];
}

/** One layer of any model as the inspector draws it, the output layer last. */
export interface LayerInfo {
  readonly kind: 'conv' | 'pool' | 'dense';
  readonly input: Shape;
  readonly output: Shape;
  /** Index into W and b, or −1 for a pool layer. */
  readonly weightIndex: number;
  /** K for a K×K conv filter, S for an S×S pool window, 0 for dense. */
  readonly size: number;
  /** Zeros added on every side of a conv layer's input. */
  readonly padding: number;
}

/**
 * A copy of any model's parameters: `layers` describes every layer, W[i] and b[i] are weighted layer i's
 * (conv: F×(C·K·K) as (F, C, K, K)); `layerSizes` is set for a dense network only, as NetworkWeights has it.
 */
export interface ModelWeights {
  readonly layers: LayerInfo[];
  readonly layerSizes: number[] | null;
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
  /** Per hidden layer: how many test digits make each unit (conv, pool: channel) fire, and 1 where none does. */
  readonly fireCounts: Int32Array[];
  readonly dead: Uint8Array[];
}

export function createInspectMethods<Slot>(session: InspectSessionAccess<Slot>) {
  return {
    /** Forward pass, saliency, loss and gradient sizes for one digit (784 values in [0, 1]). */
    explain(input: Float32Array, slot: Slot, options: ExplainOptions = {}): DigitExplanation {
      const e = explainDigit(session.modelParamsOf(slot), input, options);
      return transfer(e, [
        e.logits.buffer,
        e.probabilities.buffer,
        ...e.activations.map((a) => a.buffer),
        ...e.layerGradients.map((g) => g.buffer),
        e.saliency.buffer,
        e.inputTimesGradient.buffer,
        e.dLogits.buffer,
      ]);
    },

    /** A copy of the slot's weights and biases, with its layers' shapes. */
    getWeights(slot: Slot): ModelWeights {
      const model = session.modelParamsOf(slot);
      const dense = denseParamsOf(model);
      const W = model.W.map((w) => w.slice());
      const b = model.b.map((v) => v.slice());
      const layers = resolveLayers(layerParamsOf(model).layers).steps.map(
        ({ layer, input, output, weightIndex }): LayerInfo => ({
          kind: layer.kind,
          input,
          output,
          weightIndex,
          size: layer.kind === 'dense' ? 0 : layer.size,
          padding: layer.kind === 'conv' && layer.padding === 'same' ? (layer.size - 1) / 2 : 0,
        }),
      );
      const layerSizes = dense ? [...dense.layerSizes] : null;
      return transfer({ layers, layerSizes, W, b }, [...W.map((w) => w.buffer), ...b.map((v) => v.buffer)]);
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
