// Evaluating a layer-list network with the WebAssembly kernels keeps its workspace in their memory and reuses it:
// the answers are the TypeScript kernels' for one network after another, of the same shape or another.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluateLayers } from '../../src/nn/layer-evaluate';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import type { Dataset } from '../../src/nn/types';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { datasetSlice } from '../../src/worker/test-subset';

const digits: Dataset = datasetSlice(loadMnistFromDisk('test'), 0, 300);
const CNN = 'conv 4@5x5, pool 2, conv 6@3x3, pool 2, dense 20';

describe('layer-list evaluation with WebAssembly kernels', () => {
  it('gives the TypeScript kernels’ answers for one network after another, reusing the workspace', async () => {
    const wasm = await loadWasmKernelsNode();
    const runs = [
      [CNN, 1],
      [CNN, 2],
      ['conv 3@3x3 valid, pool 3, dense 15', 3],
      [CNN, 1],
    ] as const;
    for (const [list, seed] of runs) {
      const params = createLayerNetwork(parseLayerList(list), seed);
      const viaWasm = evaluateLayers(params, digits, undefined, wasm);
      const viaTypeScript = evaluateLayers(params, digits);
      expect([...viaWasm.predictions]).toEqual([...viaTypeScript.predictions]);
      expect(viaWasm.accuracy).toBe(viaTypeScript.accuracy);
      expect(viaWasm.loss).toBeCloseTo(viaTypeScript.loss, 4);
    }
  });

  it('evaluates a prefix of the data when given a limit', async () => {
    const wasm = await loadWasmKernelsNode();
    const params = createLayerNetwork(parseLayerList(CNN), 4);
    const limited = evaluateLayers(params, digits, 70, wasm);
    expect(limited.predictions.length).toBe(70);
    expect([...limited.predictions]).toEqual([...evaluateLayers(params, digits, 70).predictions]);
  });
});
