// The engine against the NumPy twin (bench/numpy_reference.py): same start, same batches, 50 float32 steps.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { cloneParams, createNetwork } from '../../src/nn/network';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset, type NetworkParams } from '../../src/nn/types';
import { bytesOf, copyOut, flattenTensors, hasNumpy, runTwinAgreement } from './numpy-twin';

const STEPS = 50;
if (!hasNumpy) {
  console.warn('SKIPPED numpy-agreement: python3 with numpy is not available on this machine');
}

function flatten(params: NetworkParams): Float32Array {
  return flattenTensors(params.W, params.b);
}

describe.skipIf(!hasNumpy)('agreement with NumPy', () => {
  it('gives the same float32 losses (rel 1e-4) and weights (1e-3) after 50 reference steps on real digits', () => {
    const mnist = loadMnistFromDisk('train');
    const count = STEPS * REFERENCE_CONFIG.batchSize;
    const start = 10_000;
    const data: Dataset = {
      ...mnist,
      count,
      images: mnist.images.subarray(start * 784, (start + count) * 784),
      labels: mnist.labels.subarray(start, start + count),
    };
    const params = createNetwork([784, 200, 100, 25, 10], 7);
    const initial = cloneParams(params);
    const trainer = new Trainer(params, { ...REFERENCE_CONFIG, seed: 7 }, data);
    const losses: number[] = [];
    for (let i = 0; i < STEPS; i++) losses.push(trainer.step().loss);
    expect(trainer.batchInEpoch).toBe(0); // all 50 steps came from one epoch, so one order describes them

    const dir = mkdtempSync(join(tmpdir(), 'digit-lab-numpy-'));
    try {
      const manifest = {
        layerSizes: params.layerSizes,
        batchSize: REFERENCE_CONFIG.batchSize,
        learningRate: REFERENCE_CONFIG.learningRate,
        beta: REFERENCE_CONFIG.beta1,
        steps: STEPS,
        count,
      };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      writeFileSync(join(dir, 'weights.bin'), bytesOf(flatten(initial)));
      writeFileSync(join(dir, 'images.bin'), data.images);
      writeFileSync(join(dir, 'labels.bin'), data.labels);
      writeFileSync(join(dir, 'order.bin'), bytesOf(Uint32Array.from(trainer.epochOrder)));
      const run = runTwinAgreement(dir);
      expect(run.status, run.stderr).toBe(0);
      const numpyLosses = new Float64Array(copyOut(readFileSync(join(dir, 'numpy-losses.bin'))));
      const numpyWeights = new Float32Array(copyOut(readFileSync(join(dir, 'numpy-weights.bin'))));

      expect(numpyLosses).toHaveLength(STEPS);
      let worstLoss = 0;
      for (let i = 0; i < STEPS; i++) {
        worstLoss = Math.max(worstLoss, Math.abs(losses[i] - numpyLosses[i]) / numpyLosses[i]);
        expect(Math.abs(losses[i] - numpyLosses[i]) / numpyLosses[i], `step ${i}`).toBeLessThan(1e-4);
      }
      const ours = flatten(params);
      const start0 = flatten(initial);
      expect(numpyWeights).toHaveLength(ours.length);
      let worst = 0;
      let moved = 0;
      for (let i = 0; i < ours.length; i++) {
        worst = Math.max(worst, Math.abs(ours[i] - numpyWeights[i]));
        moved = Math.max(moved, Math.abs(ours[i] - start0[i]));
      }
      console.log(
        `numpy agreement: worst loss rel ${worstLoss.toExponential(2)}, worst weight diff ${worst.toExponential(2)}`,
      );
      expect(worst).toBeLessThan(1e-3);
      // The check means something only if training moved the weights far more than the tolerance.
      expect(moved).toBeGreaterThan(0.05);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
