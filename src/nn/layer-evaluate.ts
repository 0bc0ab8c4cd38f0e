// Loss, accuracy, confusion matrix and per-sample predictions of a layer-list network on a dataset, in batches.
import { typescriptKernels, type Kernels } from './kernels';
import { checkLayerParams, type LayerNetworkParams } from './layer-network';
import { layerForward } from './layer-pass';
import { resolveLayers, type LayerPlan } from './layer-shapes';
import { createLayerWorkspace, type LayerWorkspace } from './layer-workspace';
import { createPredictionTally, evaluationOf, tallyPredictions } from './prediction-tally';
import { PIXEL_SCALE } from './sparse-rows';
import type { Dataset, EvaluationResult } from './types';

/**
 * Small enough that the workspace (outputs and gradients of every layer, about 95 KB a digit for the CNN
 * preset) sits in the WebAssembly kernels' memory, where they read it without copies: twice as fast as a
 * larger batch copied in at every call.
 */
const EVALUATION_BATCH = 32;

interface SpareWorkspace {
  readonly kernels: Kernels;
  /** Made before the kernels upgraded to WebAssembly: its buffers are not in their memory. */
  readonly kernelsName: string;
  readonly shape: string;
  readonly ws: LayerWorkspace;
}

/**
 * The last workspace per network shape and kernels: every epoch evaluates the same network, and a new
 * workspace each time would leave the kernels' memory to the garbage collector. Evaluation runs to the end
 * once started (it never awaits), so one spare serves every call.
 */
const spares: SpareWorkspace[] = [];
const MAX_SPARES = 2;

function workspaceFor(plan: LayerPlan, kernels: Kernels, capacity: number): LayerWorkspace {
  const shape = `${capacity}:${JSON.stringify([plan.input, ...plan.steps.map((s) => [s.layer, s.output])])}`;
  const spare = spares.find(
    (s) => s.kernels === kernels && s.kernelsName === kernels.name && s.shape === shape,
  );
  if (spare) return spare.ws;
  const ws = createLayerWorkspace(plan, capacity, kernels);
  spares.unshift({ kernels, kernelsName: kernels.name, shape, ws });
  spares.length = Math.min(spares.length, MAX_SPARES);
  return ws;
}

/** Evaluates on the first `limit` samples of `data` (all by default). */
export function evaluateLayers(
  params: LayerNetworkParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
): EvaluationResult {
  const plan = resolveLayers(params.layers, { channels: 1, height: data.rows, width: data.cols });
  checkLayerParams(params, plan);
  const count = Math.max(0, Math.min(limit ?? data.count, data.count));
  const classes = params.b[params.b.length - 1].length;
  const pixels = data.rows * data.cols;
  const tally = createPredictionTally(count, classes);
  if (count === 0) return evaluationOf(tally, 0);
  const ws = workspaceFor(plan, kernels, EVALUATION_BATCH);
  const probabilities = ws.outputs[ws.outputs.length - 1];
  for (let start = 0; start < count; start += ws.capacity) {
    const rows = Math.min(ws.capacity, count - start);
    const images = data.images.subarray(start * pixels, (start + rows) * pixels);
    for (let i = 0; i < images.length; i++) ws.input[i] = PIXEL_SCALE[images[i]];
    layerForward(params, ws, rows, kernels);
    tallyPredictions(tally, probabilities, rows, data.labels, start);
  }
  return evaluationOf(tally, count);
}
