// The inspector's analysis of a model on the test set: one forward pass gives the answers, the confusion matrix,
// precision and recall, and every hidden unit's (a conv or pool layer's: every channel's) firing count.
import { transfer } from 'comlink';
import { classMetrics } from '../nn/analysis';
import { createPredictionTally, tallyPredictions } from '../nn/prediction-tally';
import { inspectPass } from '../nn/inspect-pass';
import { cloneParams } from '../nn/network';
import { cloneLayerParams } from '../nn/layer-network';
import { PIXEL_SCALE } from '../nn/sparse-rows';
import { layerForward } from '../nn/layer-pass';
import { resolveLayers } from '../nn/layer-shapes';
import { createLayerWorkspace } from '../nn/layer-workspace';
import { denseParamsOf, layerParamsOf } from '../nn/model-params';
import { deadUnits, UnitStatsAccumulator } from '../nn/unit-stats';
import type { InspectSessionAccess, TestSetAnalysis } from './inspect-methods';
import { datasetSlice } from './test-subset';
import { yieldToEventLoop } from './yield-to-event-loop';

/** Test digits measured between two yields: about 0.1 s of work on a busy two-core machine (Node, TypeScript kernels). */
const ANALYSIS_SLICE = 500;

/**
 * The first `limit` test digits (all 10,000 by default) through the slot's model, a slice at a time with
 * a yield between slices so predictions and training steps get in. It measures a copy of the weights
 * taken at the start, so a training step in between cannot mix two models into one analysis.
 */
export async function analyseTestSet<Slot>(
  session: InspectSessionAccess<Slot>,
  slot: Slot,
  limit?: number,
): Promise<TestSetAnalysis> {
  const model = session.modelParamsOf(slot);
  const dense = denseParamsOf(model);
  const all = session.requireDataset('test');
  const count = Math.max(0, Math.min(limit ?? all.count, all.count));
  const test = datasetSlice(all, 0, count);
  const classes = model.b[model.b.length - 1].length;
  const tally = createPredictionTally(count, classes);
  const probabilities = new Float32Array(count * classes);
  const params = dense ? cloneParams(dense) : null;
  const layers = dense ? null : cloneLayerParams(layerParamsOf(model));
  const plan = layers ? resolveLayers(layers.layers) : null;
  const hidden = plan ? plan.steps.slice(0, -1).map((step) => step.output) : [];
  const stats = dense
    ? new UnitStatsAccumulator(dense.layerSizes.slice(1, -1))
    : new UnitStatsAccumulator(
        hidden.map((shape) => shape.channels),
        hidden.map((shape) => shape.height * shape.width),
      );
  const ws = plan ? createLayerWorkspace(plan, Math.min(ANALYSIS_SLICE, Math.max(1, count))) : null;
  // One forward pass gives every figure: the answers and the loss come from its probabilities.
  for (let start = 0; start < count; start += ANALYSIS_SLICE) {
    if (start > 0) await yieldToEventLoop();
    const slice = datasetSlice(test, start, ANALYSIS_SLICE);
    let sliceProbabilities: Float32Array;
    if (params) {
      sliceProbabilities = inspectPass(params, slice, undefined, session.kernels, stats).probabilities;
    } else if (layers && ws) {
      for (let i = 0; i < slice.images.length; i++) ws.input[i] = PIXEL_SCALE[slice.images[i]];
      layerForward(layers, ws, slice.count, session.kernels);
      stats.add(ws.outputs.slice(0, -1), slice.count);
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
  const unitStats = stats.finish();
  const fireCounts = unitStats.fireCounts;
  const dead = deadUnits(unitStats);
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
}
