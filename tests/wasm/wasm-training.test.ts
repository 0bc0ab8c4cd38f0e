// Training with the WebAssembly SIMD kernels follows the TypeScript kernels' run, and loading falls back cleanly.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluate } from '../../src/nn/evaluate';
import { typescriptKernels, type Kernels } from '../../src/nn/kernels';
import { createNetwork } from '../../src/nn/network';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset, type TrainingConfig } from '../../src/nn/types';
import { chooseKernels } from '../../src/wasm/choose-kernels';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { wasmSimdSupported } from '../../src/wasm/simd-support';
import { WasmKernelsError } from '../../src/wasm/wasm-kernels-error';

beforeAll(() => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
});

const mnist = loadMnistFromDisk('train');
const digits: Dataset = {
  ...mnist,
  count: 2000,
  images: mnist.images.subarray(0, 2000 * 784),
  labels: mnist.labels.subarray(0, 2000),
};
const config: TrainingConfig = { ...REFERENCE_CONFIG, hiddenSizes: [200, 100, 25], epochs: 1 };

function losses(
  kernels: Kernels,
  steps: number,
  settings: TrainingConfig = config,
): { losses: number[]; weights: Float32Array } {
  const trainer = new Trainer(createNetwork([784, 200, 100, 25, 10], 7), settings, digits, kernels);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) out.push(trainer.step().loss);
  return { losses: out, weights: trainer.params.W[0] };
}

describe('training with the WebAssembly SIMD kernels', () => {
  it('follows the TypeScript run of the reference network on real digits for 15 steps', async () => {
    const reference = losses(typescriptKernels, 15);
    const simd = losses(await loadWasmKernelsNode(), 15);
    for (let s = 0; s < reference.losses.length; s++) {
      expect(Math.abs(simd.losses[s] - reference.losses[s]) / reference.losses[s]).toBeLessThan(1e-4);
    }
    let worst = 0;
    for (let i = 0; i < reference.weights.length; i++) {
      worst = Math.max(worst, Math.abs(simd.weights[i] - reference.weights[i]));
    }
    expect(worst).toBeLessThan(1e-4);
    expect(reference.losses[14]).toBeLessThan(reference.losses[0]);
  });

  it('follows the TypeScript run with Adam and L2, and classic momentum, updated in WebAssembly', async () => {
    const kernels = await loadWasmKernelsNode();
    for (const settings of [
      { ...config, optimizer: 'adam', learningRate: 0.001, l2: 1e-4 },
      { ...config, optimizer: 'momentum', learningRate: 0.05 },
    ] as const) {
      const reference = losses(typescriptKernels, 15, settings);
      const simd = losses(kernels, 15, settings);
      for (let s = 0; s < reference.losses.length; s++) {
        expect(Math.abs(simd.losses[s] - reference.losses[s]) / reference.losses[s]).toBeLessThan(1e-4);
      }
      expect(reference.losses[14]).toBeLessThan(reference.losses[0]);
    }
  });

  it('keeps the weights in its arena, where predictions and evaluation read them', async () => {
    const kernels = await loadWasmKernelsNode();
    const params = createNetwork([784, 200, 100, 25, 10], 7);
    const before = params.W.map((w) => w.slice());
    const trainer = new Trainer(params, config, digits, kernels);
    expect(params.W.every((w, l) => w.buffer !== before[l].buffer)).toBe(true);
    expect(Array.from(params.W[1])).toEqual(Array.from(before[1]));
    const arena = kernels.allocate(1).buffer;
    expect([...params.W, ...params.b].every((t) => t.buffer === arena)).toBe(true);
    for (let s = 0; s < 5; s++) trainer.step();
    expect(trainer.params.W[0]).toBe(params.W[0]);
    expect(Array.from(params.W[1])).not.toEqual(Array.from(before[1]));
    const copied = { ...params, W: params.W.map((w) => w.slice()), b: params.b.map((b) => b.slice()) };
    const inArena = evaluate(params, digits, 300, kernels);
    const outside = evaluate(copied, digits, 300, typescriptKernels);
    expect(Array.from(inArena.predictions)).toEqual(Array.from(outside.predictions));
    expect(Math.abs(inArena.loss - outside.loss) / outside.loss).toBeLessThan(1e-4);
  });

  it('is available in this Node.js, which runs WebAssembly SIMD', async () => {
    expect(wasmSimdSupported()).toBe(true);
    const choice = await chooseKernels(loadWasmKernelsNode);
    expect(choice.kernels.name).toBe('WebAssembly SIMD');
    expect(choice.fallbackReason).toBeNull();
  });

  it('falls back to the TypeScript kernels, saying why, when the module cannot load', async () => {
    const choice = await chooseKernels(() => Promise.reject(new WasmKernelsError('no SIMD here')));
    expect(choice.kernels).toBe(typescriptKernels);
    expect(choice.fallbackReason).toBe('no SIMD here');
  });
});
