// Training a small CNN with the WebAssembly SIMD conv kernels follows the TypeScript kernels' run.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { typescriptKernels, type Kernels } from '../../src/nn/kernels';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { LayerTrainer, type LayerTrainingConfig } from '../../src/nn/layer-trainer';
import { REFERENCE_CONFIG, type Dataset } from '../../src/nn/types';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { UpgradableKernels } from '../../src/wasm/upgradable-kernels';

beforeAll(() => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
});

const mnist = loadMnistFromDisk('train');
const digits: Dataset = {
  ...mnist,
  count: 600,
  images: mnist.images.subarray(0, 600 * 784),
  labels: mnist.labels.subarray(0, 600),
};
const { hiddenSizes: _, ...reference } = REFERENCE_CONFIG;
const config: LayerTrainingConfig = { ...reference, learningRate: 0.1, batchSize: 50 };
const STEPS = 15;

function run(kernels: Kernels, layers: string): { losses: number[]; weights: Float32Array[] } {
  const trainer = new LayerTrainer(createLayerNetwork(parseLayerList(layers), 5), config, digits, kernels);
  const losses: number[] = [];
  for (let s = 0; s < STEPS; s++) losses.push(trainer.step().loss);
  return { losses, weights: trainer.params.W };
}

describe('training a CNN with the WebAssembly SIMD kernels', () => {
  for (const layers of [
    'conv 6@5x5, pool 2, conv 12@3x3 valid, pool 2',
    'conv 5@3x3, pool 3, conv 9@5x5, dense 30',
  ]) {
    it(`follows the TypeScript run of ${layers} for ${STEPS} steps, each conv layer one WebAssembly call`, async () => {
      const expected = run(typescriptKernels, layers);
      const wasm = await loadWasmKernelsNode();
      // The im2col twin would call the products once per sample; the dense layers call matmulAtB once a step.
      const products = vi.spyOn(wasm, 'matmulAtB');
      const actual = run(wasm, layers);
      const denseLayers = layers.split('dense').length;
      expect(products).toHaveBeenCalledTimes(STEPS * denseLayers);
      for (let s = 0; s < STEPS; s++) {
        expect(Math.abs(actual.losses[s] - expected.losses[s]) / expected.losses[s]).toBeLessThan(1e-4);
      }
      expect(expected.losses[STEPS - 1]).toBeLessThan(expected.losses[0]);
      actual.weights.forEach((W, l) => {
        let worst = 0;
        for (let i = 0; i < W.length; i++) worst = Math.max(worst, Math.abs(W[i] - expected.weights[l][i]));
        expect(worst).toBeLessThan(1e-4);
      });
    });
  }

  it("runs through the worker's upgradable kernels: the TypeScript twins first, the WebAssembly layers after", async () => {
    const layers = 'conv 6@5x5, pool 2, conv 12@3x3 valid, pool 2';
    const upgradable = new UpgradableKernels();
    const before = run(upgradable, layers);
    const expected = run(typescriptKernels, layers);
    expect(before.losses).toEqual(expected.losses);
    const wasm = await loadWasmKernelsNode();
    await upgradable.upgradeFrom(async () => wasm);
    const conv = vi.spyOn(wasm, 'conv2dBackward');
    const pool = vi.spyOn(wasm, 'maxPoolForward');
    const products = vi.spyOn(wasm, 'matmulAtB');
    const after = run(upgradable, layers);
    expect(conv).toHaveBeenCalledTimes(2 * STEPS);
    expect(pool).toHaveBeenCalledTimes(2 * STEPS);
    expect(products).toHaveBeenCalledTimes(STEPS);
    after.losses.forEach((loss, s) => expect(Math.abs(loss - expected.losses[s]) / loss).toBeLessThan(1e-4));
  });
});
