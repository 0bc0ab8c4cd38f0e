// Dead-ReLU statistics: the accumulator on hand-made numbers, and the test-set pass against digit-by-digit predictions.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { predictOne } from '../../src/nn/predict';
import { inspectPass } from '../../src/nn/inspect-pass';
import { UnitStatsAccumulator, deadUnits } from '../../src/nn/unit-stats';
import { digitInput, referenceForward } from './saliency-reference';

const test = loadMnistFromDisk('test');

describe('UnitStatsAccumulator', () => {
  it('counts firings, means over all samples and maxima, across batches', () => {
    const stats = new UnitStatsAccumulator([3]);
    stats.add([Float32Array.of(0, 1, 2, 0, 3, 0)], 2);
    stats.add([Float32Array.of(0, 0, 4, 9, 9, 9)], 1); // only the first row counts
    const result = stats.finish();
    expect(result.samples).toBe(3);
    expect([...result.fireCounts[0]]).toEqual([0, 2, 2]);
    [0, 4 / 3, 2].forEach((mean, j) => expect(result.meanActivations[0][j]).toBeCloseTo(mean, 6));
    expect([...result.maxActivations[0]]).toEqual([0, 3, 4]);
    expect([...deadUnits(result)[0]]).toEqual([1, 0, 0]);
  });

  it('refuses a batch shorter than it claims', () => {
    const stats = new UnitStatsAccumulator([4]);
    expect(() => stats.add([new Float32Array(4)], 2)).toThrow(/fewer than 2 rows/);
  });
});

describe('inspectPass on real test digits', () => {
  const params = createNetwork([784, 40, 20, 10], 3);
  // Unit 5 of layer 1 can never fire: its bias is far below anything 784 pixels could add up to.
  params.b[0][5] = -1e4;
  const limit = 300;
  const result = inspectPass(params, test, limit);

  it('gives every sample the probabilities a digit-by-digit forward pass gives', () => {
    expect(result.probabilities.length).toBe(limit * 10);
    for (const index of [0, 1, 137, 299]) {
      const single = predictOne(params, digitInput(test.images, index));
      const reference = referenceForward(params, digitInput(test.images, index));
      for (let c = 0; c < 10; c++) {
        expect(result.probabilities[index * 10 + c]).toBeCloseTo(single.probabilities[c], 5);
        expect(result.probabilities[index * 10 + c]).toBeCloseTo(reference.probabilities[c], 4);
      }
    }
  });

  it('counts firings exactly as the digit-by-digit activations do, and marks the silenced unit dead', () => {
    const expected = [new Int32Array(40), new Int32Array(20)];
    for (let i = 0; i < limit; i++) {
      const { activations } = predictOne(params, digitInput(test.images, i));
      activations.forEach((layer, l) => layer.forEach((v, j) => (expected[l][j] += v > 0 ? 1 : 0)));
    }
    expect(result.unitStats.samples).toBe(limit);
    expect([...result.unitStats.fireCounts[0]]).toEqual([...expected[0]]);
    expect([...result.unitStats.fireCounts[1]]).toEqual([...expected[1]]);
    const dead = deadUnits(result.unitStats);
    expect(dead[0][5]).toBe(1);
    expect(dead[0].reduce((a, b) => a + b, 0)).toBe([...expected[0]].filter((c) => c === 0).length);
  });
});

describe('UnitStatsAccumulator over channels', () => {
  it("counts a channel as firing when any pixel of its map is above zero, with the map's largest value", () => {
    // Two samples of 2 channels × 3 pixels: channel 0 fires in sample 0 only (at one pixel), channel 1 never.
    const maps = Float32Array.of(0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const stats = new UnitStatsAccumulator([2], [3]);
    stats.add([maps], 2);
    const result = stats.finish();
    expect(Array.from(result.fireCounts[0])).toEqual([1, 0]);
    expect(Array.from(result.maxActivations[0])).toEqual([0.5, 0]);
    expect(result.meanActivations[0][0]).toBeCloseTo(0.25);
    expect(Array.from(deadUnits(result)[0])).toEqual([0, 1]);
  });

  it('refuses a batch smaller than rows × channels × pixels', () => {
    const stats = new UnitStatsAccumulator([2], [4]);
    expect(() => stats.add([new Float32Array(12)], 2)).toThrow(/fewer than 2 rows/);
  });
});
