// Loss and accuracy on a dataset, a slice at a time with a yield between slices, so predictions get in.
import {
  createEvaluationWorkspace,
  evaluate,
  fitsNetwork,
  reprepareEvaluationWorkspace,
  type EvaluationWorkspace,
} from '../nn/evaluate';
import type { Kernels } from '../nn/kernels';
import type { Dataset, NetworkParams } from '../nn/types';
import { datasetSlice } from './test-subset';

export interface LossAndAccuracy {
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
}

/**
 * The last evaluation's workspace, free for the next: every epoch evaluates the same shape, and a new one each
 * time would leave the kernels' fixed memory to the garbage collector (about 5 MB an evaluation). Taken out
 * while in use, so two evaluations at once never share it.
 */
let spare: EvaluationWorkspace | null = null;

function takeWorkspace(params: NetworkParams, kernels: Kernels, capacity: number): EvaluationWorkspace {
  const reusable = spare;
  spare = null;
  if (
    reusable &&
    reusable.kernels === kernels &&
    // Made before the kernels upgraded to WebAssembly: its buffers are not in their memory.
    reusable.kernelsName === kernels.name &&
    reusable.ws.capacity === capacity &&
    fitsNetwork(reusable, params)
  ) {
    return reprepareEvaluationWorkspace(reusable, params);
  }
  return createEvaluationWorkspace(params, kernels, capacity);
}

/** The weights must not change while this runs; the training loop awaits it before the next step. */
export async function evaluateInSlices(
  params: NetworkParams,
  data: Dataset,
  kernels: Kernels,
  sliceSize: number,
  yieldBetween: () => Promise<void>,
): Promise<LossAndAccuracy> {
  let lossSum = 0;
  let correct = 0;
  // One workspace and one transpose of W[0] for every slice: the weights hold still until this returns.
  const prepared = takeWorkspace(params, kernels, Math.max(1, Math.min(sliceSize, data.count)));
  for (let start = 0; start < data.count; start += sliceSize) {
    if (start > 0) await yieldBetween();
    const slice = datasetSlice(data, start, sliceSize);
    const result = evaluate(params, slice, undefined, kernels, prepared);
    lossSum += result.loss * slice.count;
    correct += Math.round(result.accuracy * slice.count);
  }
  spare = prepared;
  return {
    loss: data.count > 0 ? lossSum / data.count : 0,
    accuracy: data.count > 0 ? correct / data.count : 0,
    count: data.count,
  };
}
