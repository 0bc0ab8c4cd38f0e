// The divergence guard: when it calls a run diverged, and which weights it brings back.
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/nn/network';
import { DivergenceGuard } from '../../src/worker/divergence-guard';

const SETTINGS = { lossCeiling: 9, patience: 4, checkpointEverySteps: 5 };

describe('DivergenceGuard', () => {
  it('calls NaN or Infinity divergence at once', () => {
    const params = createNetwork([4, 3, 2], 1);
    expect(new DivergenceGuard(params, 0, SETTINGS).observe(Number.NaN, 10)).toBe(true);
    expect(new DivergenceGuard(params, 0, SETTINGS).observe(Number.POSITIVE_INFINITY, 10)).toBe(true);
  });

  it('tolerates one bad batch but not a window of them', () => {
    const guard = new DivergenceGuard(createNetwork([4, 3, 2], 1), 0, SETTINGS);
    expect([2.3, 25, 2.1, 2.0, 1.9].map((loss, i) => guard.observe(loss, (i + 1) * 10))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const blown = new DivergenceGuard(createNetwork([4, 3, 2], 1), 0, SETTINGS);
    // A blown-up network can look calm for a batch: the window's mean still says diverged.
    expect([2.3, 25, 26, 3, 27].map((loss, i) => blown.observe(loss, (i + 1) * 10))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('restores weights that were followed by a whole clean interval, never the latest ones', () => {
    const params = createNetwork([4, 3, 2], 1);
    const initial = params.W[0].slice();
    const guard = new DivergenceGuard(params, 0, SETTINGS);
    const stepTo = (value: number, loss: number, sample: number) => {
      params.W[0].fill(value);
      return guard.observe(loss, sample);
    };
    // Interval 1 (5 clean steps): weights 1..5; the candidate taken at the start (initial) becomes good.
    for (let i = 1; i <= 5; i++) stepTo(i, 2, i * 10);
    expect(guard.restorePointSample).toBe(0);
    // Interval 2, clean too: the weights after step 5 become the restore point.
    for (let i = 6; i <= 10; i++) stepTo(i, 2, i * 10);
    expect(guard.restorePointSample).toBe(50);
    // Then it blows up.
    let diverged = false;
    for (let i = 11; i <= 20 && !diverged; i++) diverged = stepTo(Number.NaN, 50, i * 10);
    expect(diverged).toBe(true);
    guard.restore();
    expect(Array.from(params.W[0])).toEqual(new Array(initial.length).fill(5));
  });

  it('checkpoints only when its caller asks, between chunks, once enough steps went by', () => {
    const params = createNetwork([4, 3, 2], 1);
    const guard = new DivergenceGuard(params, 0, SETTINGS);
    // Seven clean steps in one chunk: no checkpoint is taken inside it, however many steps it has.
    for (let i = 1; i <= 7; i++) {
      params.W[0].fill(i);
      expect(guard.observeLoss(2)).toBe(false);
    }
    expect(guard.restorePointSample).toBe(0);
    // At the chunk's end: the initial weights (a whole clean interval behind them) become the restore point.
    expect(guard.checkpointIfDue(70)).toBe(false);
    expect(guard.restorePointSample).toBe(0);
    // Two steps later the next chunk ends too early for another checkpoint: nothing changes.
    params.W[0].fill(9);
    guard.observeLoss(2);
    guard.observeLoss(2);
    expect(guard.checkpointIfDue(90)).toBe(false);
    for (let i = 0; i < 3; i++) guard.observeLoss(2);
    expect(guard.checkpointIfDue(120)).toBe(false);
    expect(guard.restorePointSample).toBe(70);
    // Weights that stopped being finite with calm losses are found at the next due checkpoint.
    params.W[1][0] = Number.NaN;
    for (let i = 0; i < 4; i++) expect(guard.observeLoss(2)).toBe(false);
    expect(guard.checkpointIfDue(160)).toBe(false);
    guard.observeLoss(2);
    expect(guard.checkpointIfDue(170)).toBe(true);
    guard.restore();
    expect(Array.from(params.W[0])).toEqual(new Array(params.W[0].length).fill(7));
  });
});
