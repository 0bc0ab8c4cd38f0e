// The CNN bench's time to target: the first evaluation at the target, and the one from which the run held it.
import { describe, expect, it } from 'vitest';
import { targetTimes } from '../../bench/cnn';

const run = (accuracies: number[]) =>
  accuracies.map((testAccuracy, i) => ({
    seconds: 10 * (i + 1),
    samplesSeen: 60_000 * (i + 1),
    testAccuracy,
  }));

describe('targetTimes', () => {
  it('tells the first reach from the one that held to the end', () => {
    expect(targetTimes(run([0.985, 0.991, 0.989, 0.992, 0.993]), 0.99)).toEqual({
      firstReachedSeconds: 20,
      heldSeconds: 40,
    });
  });

  it('says never when the run ends below the target, even after reaching it', () => {
    expect(targetTimes(run([0.99, 0.989]), 0.99)).toEqual({ firstReachedSeconds: 10, heldSeconds: null });
    expect(targetTimes(run([0.97, 0.98]), 0.99)).toEqual({ firstReachedSeconds: null, heldSeconds: null });
    expect(targetTimes([], 0.99)).toEqual({ firstReachedSeconds: null, heldSeconds: null });
  });
});
