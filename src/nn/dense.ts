// A fully connected layer over a batch of flattened inputs, forward and backward side by side, on the matmul kernels.
import { addBiasRelu } from './bias-relu';
import { columnSum } from './column-sum';
import type { Kernels } from './kernels';
import { reluBackward } from './relu-backward';

/** out (rows×units) = A (rows×inputs) · Wᵀ + b, then ReLU when `relu`; W is (units, inputs). */
export function denseForward(
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  b: Float32Array,
  rows: number,
  inputs: number,
  units: number,
  relu: boolean,
  kernels: Kernels,
): void {
  kernels.matmulABt(out, input, W, rows, inputs, units);
  if (kernels.addBiasRelu) kernels.addBiasRelu(out, b, rows, units, relu);
  else addBiasRelu(out, b, rows, units, relu);
}

/**
 * From dOut (the gradient of the layer's output; with `relu`, masked in place into dZ = dOut ⊙ [out > 0]):
 * dW = dZᵀ · A, db = Σ_rows dZ and, unless dInput is null, dInput = dZ · W.
 */
export function denseBackward(
  dInput: Float32Array | null,
  dW: Float32Array,
  db: Float32Array,
  dOut: Float32Array,
  out: Float32Array,
  input: Float32Array,
  W: Float32Array,
  rows: number,
  inputs: number,
  units: number,
  relu: boolean,
  kernels: Kernels,
): void {
  if (relu && kernels.reluBackward) kernels.reluBackward(dOut, out, rows * units);
  else if (relu) reluBackward(dOut, out, rows * units);
  kernels.matmulAtB(dW, dOut, input, units, rows, inputs);
  if (kernels.columnSum) kernels.columnSum(db, dOut, rows, units);
  else columnSum(db, dOut, rows, units);
  if (dInput !== null) kernels.matmul(dInput, dOut, W, rows, units, inputs);
}
