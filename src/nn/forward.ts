// The batched forward pass: sparse first layer, dense hidden layers with fused bias+ReLU, softmax output.
import { addBiasRelu } from './bias-relu';
import type { BatchWorkspace } from './batch-workspace';
import { typescriptKernels, type Kernels } from './kernels';
import { softmaxRows } from './softmax';
import type { NetworkParams } from './types';

/** Refreshes the transposed first-layer weights; call after every change to params.W[0]. */
export function prepareFirstLayer(
  params: NetworkParams,
  ws: BatchWorkspace,
  kernels: Kernels = typescriptKernels,
): void {
  kernels.transpose(ws.firstWeightsT, params.W[0], params.layerSizes[1], params.layerSizes[0]);
}

/**
 * Runs `rows` samples already in `ws.input` through the network: ws.outputs[l] = relu(A_{l-1}·W_lᵀ + b_l),
 * and the last one the softmax probabilities. Expects prepareFirstLayer() since W[0] last changed.
 */
export function forwardBatch(
  params: NetworkParams,
  ws: BatchWorkspace,
  kernels: Kernels,
  rows: number,
): void {
  const sizes = params.layerSizes;
  const layers = sizes.length - 1;
  kernels.sparseMatmul(ws.outputs[0], ws.input, ws.firstWeightsT, rows, sizes[1]);
  biasRelu(kernels, ws.outputs[0], params.b[0], rows, sizes[1], layers > 1);
  for (let l = 1; l < layers; l++) {
    kernels.matmulABt(ws.outputs[l], ws.outputs[l - 1], params.W[l], rows, sizes[l], sizes[l + 1]);
    biasRelu(kernels, ws.outputs[l], params.b[l], rows, sizes[l + 1], l < layers - 1);
  }
  softmaxRows(ws.outputs[layers - 1], ws.outputs[layers - 1], rows, sizes[layers]);
}

function biasRelu(kernels: Kernels, ...args: Parameters<typeof addBiasRelu>): void {
  if (kernels.addBiasRelu) kernels.addBiasRelu(...args);
  else addBiasRelu(...args);
}
