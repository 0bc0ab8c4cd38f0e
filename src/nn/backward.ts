// Backpropagation for the batch forwardBatch() just ran: fills ws.dW and ws.db (never the input's gradient).
import type { BatchWorkspace } from './batch-workspace';
import { columnSum } from './column-sum';
import { softmaxCrossEntropyBackward } from './cross-entropy';
import type { Kernels } from './kernels';
import { reluBackward } from './relu-backward';
import type { NetworkParams } from './types';

/**
 * dZ_L = (P − Y)/m; then for each layer dW_l = dZ_lᵀ·A_{l-1}, db_l = Σ_rows dZ_l and, below the top,
 * dZ_{l-1} = (dZ_l·W_l) ⊙ [A_{l-1} > 0]. The labels of the batch's rows are labels[order[start + r]].
 */
export function backwardBatch(
  params: NetworkParams,
  ws: BatchWorkspace,
  kernels: Kernels,
  labels: Uint8Array,
  order: Uint32Array | null,
  start: number,
  rows: number,
): void {
  backwardBatchTransposed(params, ws, kernels, labels, order, start, rows, rows);
  kernels.transpose(ws.dW[0], ws.firstGradT, params.layerSizes[0], params.layerSizes[1]);
}

/**
 * backwardBatch, but the first layer's weight gradient stays transposed in ws.firstGradT (inputs×units) and
 * ws.dW[0] is not touched; the gradients are of the mean over `meanOver` rows (this batch's share of a batch
 * split across workers, or the whole batch).
 */
export function backwardBatchTransposed(
  params: NetworkParams,
  ws: BatchWorkspace,
  kernels: Kernels,
  labels: Uint8Array,
  order: Uint32Array | null,
  start: number,
  rows: number,
  meanOver: number,
): void {
  const sizes = params.layerSizes;
  const layers = sizes.length - 1;
  const top = layers - 1;
  softmaxCrossEntropyBackward(
    ws.dZ[top],
    ws.outputs[top],
    labels,
    order,
    start,
    rows,
    sizes[layers],
    meanOver,
  );
  for (let l = top; l >= 1; l--) {
    kernels.matmulAtB(ws.dW[l], ws.dZ[l], ws.outputs[l - 1], sizes[l + 1], rows, sizes[l]);
    sumColumns(kernels, ws.db[l], ws.dZ[l], rows, sizes[l + 1]);
    kernels.matmul(ws.dZ[l - 1], ws.dZ[l], params.W[l], rows, sizes[l + 1], sizes[l]);
    if (kernels.reluBackward) kernels.reluBackward(ws.dZ[l - 1], ws.outputs[l - 1], rows * sizes[l]);
    else reluBackward(ws.dZ[l - 1], ws.outputs[l - 1], rows * sizes[l]);
  }
  kernels.sparseMatmulAtB(ws.firstGradT, ws.input, ws.dZ[0], rows, sizes[0], sizes[1]);
  sumColumns(kernels, ws.db[0], ws.dZ[0], rows, sizes[1]);
}

function sumColumns(kernels: Kernels, out: Float32Array, a: Float32Array, rows: number, cols: number): void {
  if (kernels.columnSum) kernels.columnSum(out, a, rows, cols);
  else columnSum(out, a, rows, cols);
}
