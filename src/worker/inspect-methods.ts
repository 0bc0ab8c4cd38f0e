// The inspector's calls into the training session: one digit explained, the weights, the test-set analysis, labels.
import { transfer } from 'comlink';
import type { MnistSplit } from '../data/mnist-assets';
import { classMetrics } from '../nn/analysis';
import { createPredictionTally, tallyPredictions } from '../nn/prediction-tally';
import { explainDigit, type DigitExplanation, type ExplainOptions } from '../nn/explain';
import { inspectPass } from '../nn/inspect-pass';
import type { Kernels } from '../nn/kernels';
import type { Dataset, NetworkParams } from '../nn/types';
import { cloneParams } from '../nn/network';
import { cloneLayerParams } from '../nn/layer-network';
import { PIXEL_SCALE } from '../nn/sparse-rows';
import { layerForward } from '../nn/layer-pass';
import { resolveLayers } from '../nn/layer-shapes';
import { createLayerWorkspace } from '../nn/layer-workspace';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../nn/model-params';
import { deadUnits, UnitStatsAccumulator } from '../nn/unit-stats';
import { datasetSlice } from './test-subset';
import { yieldToEventLoop } from './yield-to-event-loop';

/** Test digits measured between two yields: about 0.1 s of work on a busy two-core machine (Node, TypeScript kernels). */
const ANALYSIS_SLICE = 500;

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

    /**
     * The first `limit` test digits (all 10,000 by default) through the slot's model, a slice at a time with
     * a yield between slices so predictions and training steps get in. It measures a copy of the weights
     * taken at the start, so a training step in between cannot mix two models into one analysis.
     */
    async analyseTestSet(slot: Slot, limit?: number): Promise<TestSetAnalysis> {
      const model = session.modelParamsOf(slot);
      const dense = denseParamsOf(model);
      const all = session.requireDataset('test');
      const count = Math.max(0, Math.min(limit ?? all.count, all.count));
      const test = datasetSlice(all, 0, count);
      const classes = model.b[model.b.length - 1].length;
      const tally = createPredictionTally(count, classes);
      const probabilities = new Float32Array(count * classes);
      const stats = dense ? new UnitStatsAccumulator(dense.layerSizes.slice(1, -1)) : null;
      const params = dense ? cloneParams(dense) : null;
      const layers = dense ? null : cloneLayerParams(layerParamsOf(model));
      const ws = layers
        ? createLayerWorkspace(resolveLayers(layers.layers), Math.min(ANALYSIS_SLICE, Math.max(1, count)))
        : null;
      // One forward pass gives every figure: the answers and the loss come from its probabilities.
      for (let start = 0; start < count; start += ANALYSIS_SLICE) {
        if (start > 0) await yieldToEventLoop();
        const slice = datasetSlice(test, start, ANALYSIS_SLICE);
        let sliceProbabilities: Float32Array;
        if (params && stats) {
          sliceProbabilities = inspectPass(params, slice, undefined, session.kernels, stats).probabilities;
        } else if (layers && ws) {
          for (let i = 0; i < slice.images.length; i++) ws.input[i] = PIXEL_SCALE[slice.images[i]];
          layerForward(layers, ws, slice.count, session.kernels);
          sliceProbabilities = ws.outputs[ws.outputs.length - 1].subarray(0, slice.count * classes);
        } else {
          throw new Error('unreachable: a model is dense or a layer list');
        }
        tallyPredictions(tally, sliceProbabilities, slice.count, test.labels, start);
        probabilities.set(sliceProbabilities, start * classes);
      }
      const { confusion, predictions, confidences, lossSum, correct } = tally;
      const metrics = classMetrics(confusion, classes);
      const labels = test.labels.slice();
      // Unit statistics are of dense layers' units; a CNN's maps have none to show yet.
      const unitStats = stats?.finish() ?? null;
      const fireCounts = unitStats ? unitStats.fireCounts : [];
      const dead = unitStats ? deadUnits(unitStats) : [];
      const analysis: TestSetAnalysis = {
        count,
        classes,
        loss: count === 0 ? 0 : lossSum / count,
        accuracy: count === 0 ? 0 : correct / count,
        confusion,
        support: metrics.support,
        precision: metrics.precision,
        recall: metrics.recall,
        labels,
        predictions,
        confidences,
        probabilities,
        fireCounts,
        dead,
      };
      return transfer(analysis, [
        confusion.buffer,
        metrics.support.buffer,
        metrics.precision.buffer,
        metrics.recall.buffer,
        labels.buffer,
        predictions.buffer,
        confidences.buffer,
        probabilities.buffer,
        ...fireCounts.map((c) => c.buffer),
        ...dead.map((d) => d.buffer),
      ]);
    },

    /** A copy of a split's labels, for filtering digits by label. */
    getLabels(split: MnistSplit): Uint8Array {
      const labels = session.requireDataset(split).labels.slice();
      return transfer(labels, [labels.buffer]);
    },
  };
}
