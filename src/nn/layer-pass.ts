// Forward and backward through a layer-list network for one batch: each layer's own file does its maths.
import { conv2dBackward, conv2dForward } from './conv2d';
import { softmaxCrossEntropyBackward } from './cross-entropy';
import { denseBackward, denseForward } from './dense';
import type { Kernels } from './kernels';
import type { LayerNetworkParams } from './layer-network';
import type { LayerWorkspace } from './layer-workspace';
import { maxPoolBackward, maxPoolForward } from './max-pool';
import { softmaxRows } from './softmax';

/** Runs the `rows` samples in ws.input through every layer; the last output holds the softmax probabilities. */
export function layerForward(
  params: LayerNetworkParams,
  ws: LayerWorkspace,
  rows: number,
  kernels: Kernels,
): void {
  let input = ws.input;
  let weighted = 0;
  for (let i = 0; i < ws.steps.length; i++) {
    const step = ws.steps[i];
    const out = ws.outputs[i];
    if (step.kind === 'conv') {
      conv2dForward(
        out,
        input,
        params.W[weighted],
        params.b[weighted],
        rows,
        step.geometry,
        step.scratch,
        kernels,
      );
      weighted++;
    } else if (step.kind === 'pool') {
      maxPoolForward(out, step.argmax, input, rows, step.geometry, kernels);
    } else {
      const { inputs, units, relu } = step;
      denseForward(out, input, params.W[weighted], params.b[weighted], rows, inputs, units, relu, kernels);
      weighted++;
    }
    input = out;
  }
  const probabilities = ws.outputs[ws.outputs.length - 1];
  softmaxRows(probabilities, probabilities, rows, rowWidth(ws));
}

/**
 * Backpropagation for the batch layerForward just ran: ws.dW and ws.db get the gradients of the mean loss
 * over `meanOver` rows; the labels of the rows are labels[order[start + r]] (labels[start + r] without order).
 */
export function layerBackward(
  params: LayerNetworkParams,
  ws: LayerWorkspace,
  labels: Uint8Array,
  order: Uint32Array | null,
  start: number,
  rows: number,
  kernels: Kernels,
  meanOver: number = rows,
): void {
  const top = ws.steps.length - 1;
  const probabilities = ws.outputs[top];
  softmaxCrossEntropyBackward(
    ws.gradients[top],
    probabilities,
    labels,
    order,
    start,
    rows,
    rowWidth(ws),
    meanOver,
  );
  let weighted = params.W.length;
  for (let i = top; i >= 0; i--) {
    const step = ws.steps[i];
    const dInput = ws.passesGradient[i] ? ws.gradients[i - 1] : null;
    const input = i > 0 ? ws.outputs[i - 1] : ws.input;
    const dOut = ws.gradients[i];
    const out = ws.outputs[i];
    if (step.kind === 'conv') {
      weighted--;
      const W = params.W[weighted];
      conv2dBackward(
        dInput,
        ws.dW[weighted],
        ws.db[weighted],
        dOut,
        out,
        input,
        W,
        rows,
        step.geometry,
        step.scratch,
        kernels,
      );
    } else if (step.kind === 'pool') {
      if (dInput !== null) maxPoolBackward(dInput, dOut, step.argmax, rows, step.geometry);
    } else {
      weighted--;
      const { inputs, units, relu } = step;
      const W = params.W[weighted];
      denseBackward(
        dInput,
        ws.dW[weighted],
        ws.db[weighted],
        dOut,
        out,
        input,
        W,
        rows,
        inputs,
        units,
        relu,
        kernels,
      );
    }
  }
}

function rowWidth(ws: LayerWorkspace): number {
  const last = ws.steps[ws.steps.length - 1];
  return last.kind === 'dense' ? last.units : 0;
}
