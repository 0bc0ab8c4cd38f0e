// The inspector's calls into the training session: one digit explained, the weights, the test-set analysis, labels.
import { transfer } from 'comlink';
import type { MnistSplit } from '../data/mnist-assets';
import { classMetrics } from '../nn/analysis';
import { evaluate } from '../nn/evaluate';
import { explainDigit, type DigitExplanation, type ExplainOptions } from '../nn/explain';
import { inspectPass } from '../nn/inspect-pass';
import type { Kernels } from '../nn/kernels';
import type { Dataset, NetworkParams } from '../nn/types';
import { deadUnits } from '../nn/unit-stats';

/** What the session lends these methods; `Slot` is the session's model slot name. */
export interface InspectSessionAccess<Slot> {
  paramsOf(slot: Slot): NetworkParams;
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
  /** Per hidden layer: how many test digits make each unit fire, and 1 for units that never do. */
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

    /** The first `limit` test digits (all 10,000 by default) through the slot's model. */
    analyseTestSet(slot: Slot, limit?: number): TestSetAnalysis {
      const params = session.paramsOf(slot);
      const test = session.requireDataset('test');
      const evaluation = evaluate(params, test, limit, session.kernels);
      const { probabilities, unitStats } = inspectPass(params, test, limit, session.kernels);
      const classes = params.layerSizes[params.layerSizes.length - 1];
      const metrics = classMetrics(evaluation.confusion, classes);
      const count = evaluation.predictions.length;
      const labels = test.labels.slice(0, count);
      const analysis: TestSetAnalysis = {
        count,
        classes,
        loss: evaluation.loss,
        accuracy: evaluation.accuracy,
        confusion: evaluation.confusion,
        support: metrics.support,
        precision: metrics.precision,
        recall: metrics.recall,
        labels,
        predictions: evaluation.predictions,
        confidences: evaluation.confidences,
        probabilities,
        fireCounts: unitStats.fireCounts,
        dead: deadUnits(unitStats),
      };
      return transfer(analysis, [
        analysis.confusion.buffer,
        analysis.support.buffer,
        analysis.precision.buffer,
        analysis.recall.buffer,
        labels.buffer,
        analysis.predictions.buffer,
        analysis.confidences.buffer,
        probabilities.buffer,
        ...analysis.fireCounts.map((c) => c.buffer),
        ...analysis.dead.map((d) => d.buffer),
      ]);
    },

    /** A copy of a split's labels, for filtering digits by label. */
    getLabels(split: MnistSplit): Uint8Array {
      const labels = session.requireDataset(split).labels.slice();
      return transfer(labels, [labels.buffer]);
    },
  };
}
