// One update of each optimizer against its formula, computed by hand in float64.
import { describe, expect, it } from 'vitest';
import { Optimizer } from '../../src/nn/optimizers';
import { REFERENCE_CONFIG, type NetworkParams, type OptimizerName } from '../../src/nn/types';

function tinyParams(): NetworkParams {
  return { layerSizes: [2, 1], W: [Float32Array.from([1, -2])], b: [Float32Array.from([0.5])] };
}
const g = () => [Float32Array.from([0.1, -0.3])];
const gb = () => [Float32Array.from([0.2])];

function run(optimizer: OptimizerName, steps: number, l2 = 0) {
  const params = tinyParams();
  const opt = new Optimizer(
    { ...REFERENCE_CONFIG, optimizer, learningRate: 0.5, beta1: 0.9, l2 },
    params.layerSizes,
  );
  for (let i = 0; i < steps; i++) opt.update(params, g(), gb());
  return params;
}

describe('optimizers', () => {
  it('sgd: w −= αg', () => {
    const p = run('sgd', 2);
    expect(p.W[0][0]).toBeCloseTo(1 - 2 * 0.5 * 0.1, 6);
    expect(p.b[0][0]).toBeCloseTo(0.5 - 2 * 0.5 * 0.2, 6);
  });

  it('reference momentum: v = βv + (1−β)g, w −= αv', () => {
    const p = run('reference-momentum', 2);
    const v1 = 0.1 * 0.1;
    const v2 = 0.9 * v1 + 0.1 * 0.1;
    expect(p.W[0][0]).toBeCloseTo(1 - 0.5 * v1 - 0.5 * v2, 6);
  });

  it('classic momentum: v = βv + g, w −= αv', () => {
    const p = run('momentum', 2);
    const v1 = 0.1;
    const v2 = 0.9 * v1 + 0.1;
    expect(p.W[0][0]).toBeCloseTo(1 - 0.5 * v1 - 0.5 * v2, 6);
  });

  it('adam: the first step moves every weight by about α against its gradient sign', () => {
    const p = run('adam', 1);
    expect(p.W[0][0]).toBeCloseTo(1 - 0.5, 4);
    expect(p.W[0][1]).toBeCloseTo(-2 + 0.5, 4);
    const p2 = run('adam', 2);
    // Constant gradients: m̂ = g and ŝ = g², so every step is α·sign(g).
    expect(p2.W[0][0]).toBeCloseTo(1 - 1, 4);
  });

  it("L2 adds l2·w to the weights' gradient, never to the biases'", () => {
    const p = run('sgd', 1, 0.1);
    expect(p.W[0][0]).toBeCloseTo(1 - 0.5 * (0.1 + 0.1 * 1), 6);
    expect(p.b[0][0]).toBeCloseTo(0.5 - 0.5 * 0.2, 6);
  });
});
