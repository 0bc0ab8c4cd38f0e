// Loss, accuracy, confusion matrix and per-sample predictions of a network on a dataset, in batches.
import { createBatchWorkspace, type BatchWorkspace } from './batch-workspace';
import { forwardBatch, prepareFirstLayer } from './forward';
import { typescriptKernels, type Kernels } from './kernels';
import { cloneParams } from './network';
import { moveIntoArena } from './resident-params';
import { createPredictionTally, evaluationOf, tallyPredictions } from './prediction-tally';
import { fillSparseRowsWith } from './sparse-rows';
import type { Dataset, EvaluationResult, NetworkParams } from './types';

const EVALUATION_BATCH = 500;

/**
 * A workspace for evaluate() that several calls with the same weights share: laid out by the kernels (in
 * WebAssembly memory, so products read it in place), with the first layer transposed once. Evaluating a set
 * a slice at a time with a fresh workspace per slice copied every operand into wasm memory and transposed W[0]
 * again each time: 19 µs a digit in Node, against about 6 µs with this.
 */
export interface EvaluationWorkspace {
  /** The weights it was prepared for. */
  readonly params: NetworkParams;
  /** The kernels it lives with, and their name then (kernels that upgrade themselves change it). */
  readonly kernels: Kernels;
  readonly kernelsName: string;
  /** A copy of them in the kernels' memory (biases and dense layers read in place, not copied per call). */
  readonly resident: NetworkParams;
  readonly ws: BatchWorkspace;
}

export function createEvaluationWorkspace(
  params: NetworkParams,
  kernels: Kernels,
  capacity = EVALUATION_BATCH,
): EvaluationWorkspace {
  const resident = cloneParams(params);
  if (kernels.allocate) moveIntoArena(resident, kernels.allocate.bind(kernels));
  const ws = createBatchWorkspace(params.layerSizes, capacity, kernels);
  prepareFirstLayer(resident, ws, kernels);
  return { params, kernels, kernelsName: kernels.name, resident, ws };
}

/** Whether `prepared` has the shape of `params` (the same layer sizes). */
function fitsNetwork(prepared: EvaluationWorkspace, params: NetworkParams): boolean {
  const sizes = prepared.resident.layerSizes;
  return sizes.length === params.layerSizes.length && sizes.every((n, i) => n === params.layerSizes[i]);
}

/**
 * The same workspace prepared for other weights of the same shape (copied in, W[0] transposed again): a caller
 * that evaluates again and again reuses its memory instead of leaving it to the garbage collector.
 */
export function reprepareEvaluationWorkspace(
  prepared: EvaluationWorkspace,
  params: NetworkParams,
): EvaluationWorkspace {
  if (!fitsNetwork(prepared, params)) {
    throw new Error(
      `evaluate: a ${prepared.resident.layerSizes.join('-')} workspace cannot hold a ${params.layerSizes.join('-')} network`,
    );
  }
  params.W.forEach((w, l) => prepared.resident.W[l].set(w));
  params.b.forEach((b, l) => prepared.resident.b[l].set(b));
  prepareFirstLayer(prepared.resident, prepared.ws, prepared.kernels);
  return { ...prepared, params };
}

/**
 * Workspaces given back after evaluations, for the next of the same kind: every epoch evaluates the same shape,
 * and a new workspace each time would leave the kernels' fixed memory (about 5 MB each) to the garbage collector,
 * which may not run before the arena is full. Two kinds at most (the per-epoch slices, a whole-set call).
 */
const spares: EvaluationWorkspace[] = [];
const MAX_SPARES = 2;

/**
 * A workspace for `params`: a spare of the same kernels, shape and capacity prepared again, or a new one. While
 * taken it is no one else's; give it back with releaseEvaluationWorkspace().
 */
export function takeEvaluationWorkspace(
  params: NetworkParams,
  kernels: Kernels,
  capacity: number,
): EvaluationWorkspace {
  const at = spares.findIndex(
    (spare) =>
      spare.kernels === kernels &&
      // Made before the kernels upgraded to WebAssembly: its buffers are not in their memory.
      spare.kernelsName === kernels.name &&
      spare.ws.capacity === capacity &&
      fitsNetwork(spare, params),
  );
  if (at < 0) return createEvaluationWorkspace(params, kernels, capacity);
  const [spare] = spares.splice(at, 1);
  return reprepareEvaluationWorkspace(spare, params);
}

export function releaseEvaluationWorkspace(prepared: EvaluationWorkspace): void {
  spares.unshift(prepared);
  spares.length = Math.min(spares.length, MAX_SPARES);
}

/**
 * Evaluates on the first `limit` samples of `data` (all by default). `prepared` (for these very weights, which
 * must not have changed since) saves a workspace and a transpose per call.
 */
export function evaluate(
  params: NetworkParams,
  data: Dataset,
  limit?: number,
  kernels: Kernels = typescriptKernels,
  prepared?: EvaluationWorkspace,
): EvaluationResult {
  if (prepared && (prepared.params !== params || prepared.kernels !== kernels)) {
    throw new Error('evaluate: the prepared workspace belongs to other weights or kernels');
  }
  const count = Math.max(0, Math.min(limit ?? data.count, data.count));
  const classes = params.layerSizes[params.layerSizes.length - 1];
  const pixelsPerImage = data.rows * data.cols;
  if (pixelsPerImage !== params.layerSizes[0]) {
    throw new Error(
      `the network takes ${params.layerSizes[0]} inputs but the images have ${pixelsPerImage} pixels`,
    );
  }
  const tally = createPredictionTally(count, classes);
  if (count > 0) {
    const used = prepared ?? takeEvaluationWorkspace(params, kernels, Math.min(EVALUATION_BATCH, count));
    const { ws, resident } = used;
    const probabilities = ws.outputs[ws.outputs.length - 1];
    for (let start = 0; start < count; start += ws.capacity) {
      const rows = Math.min(ws.capacity, count - start);
      fillSparseRowsWith(kernels, ws.input, data.images, pixelsPerImage, null, start, rows);
      forwardBatch(resident, ws, kernels, rows);
      tallyPredictions(tally, probabilities, rows, data.labels, start);
    }
    if (used !== prepared) releaseEvaluationWorkspace(used);
  }
  return evaluationOf(tally, count);
}
