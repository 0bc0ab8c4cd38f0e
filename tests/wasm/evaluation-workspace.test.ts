// Evaluating with a prepared workspace (weights copied into WebAssembly memory, W[0] transposed once) gives what a
// plain evaluation gives; one workspace serves one set of weights after another, and refuses the wrong ones.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createEvaluationWorkspace, evaluate, reprepareEvaluationWorkspace } from '../../src/nn/evaluate';
import { typescriptKernels } from '../../src/nn/kernels';
import { createNetwork } from '../../src/nn/network';
import type { Dataset } from '../../src/nn/types';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { evaluateInSlices } from '../../src/worker/evaluate-in-slices';
import { datasetSlice } from '../../src/worker/test-subset';

const digits: Dataset = datasetSlice(loadMnistFromDisk('test'), 0, 1200);
const sizes = [784, 40, 20, 10];

describe('evaluation workspaces', () => {
  it('give exactly the plain evaluation, with weights that live outside the kernels’ memory', async () => {
    const wasm = await loadWasmKernelsNode();
    const params = createNetwork(sizes, 3);
    // Batches of 500 as the plain evaluation: the float64 loss sum then adds in the same order.
    const prepared = createEvaluationWorkspace(params, wasm, 500);
    expect(prepared.resident.W[1].buffer).toBe(wasm.memoryBuffer);
    expect(params.W[1].buffer).not.toBe(wasm.memoryBuffer);
    const plain = evaluate(params, digits, undefined, wasm);
    const withWorkspace = evaluate(params, digits, undefined, wasm, prepared);
    expect(withWorkspace).toEqual(plain);
    // And the TypeScript kernels agree on every answer.
    expect([...evaluate(params, digits).predictions]).toEqual([...plain.predictions]);
  });

  it('serve other weights of the same shape once prepared again, and refuse the wrong ones', async () => {
    const wasm = await loadWasmKernelsNode();
    const first = createNetwork(sizes, 4);
    const second = createNetwork(sizes, 5);
    const prepared = createEvaluationWorkspace(first, wasm, 500);
    expect(() => evaluate(second, digits, undefined, wasm, prepared)).toThrow(/other weights/);
    expect(() => evaluate(first, digits, undefined, typescriptKernels, prepared)).toThrow(/other weights/);
    const again = reprepareEvaluationWorkspace(prepared, second);
    expect(evaluate(second, digits, undefined, wasm, again)).toEqual(
      evaluate(second, digits, undefined, wasm),
    );
    expect(() => reprepareEvaluationWorkspace(prepared, createNetwork([784, 30, 10], 6))).toThrow(
      /a 784-40-20-10 workspace cannot hold a 784-30-10 network/,
    );
  });

  it('let evaluateInSlices measure one network after another correctly, reusing its workspace', async () => {
    const wasm = await loadWasmKernelsNode();
    for (const seed of [7, 8, 7]) {
      const params = createNetwork(sizes, seed);
      const whole = evaluate(params, digits, undefined, wasm);
      const sliced = await evaluateInSlices(params, digits, wasm, 250, async () => undefined);
      expect(sliced.accuracy).toBe(whole.accuracy);
      expect(sliced.loss).toBeCloseTo(whole.loss, 6);
    }
  });
});
