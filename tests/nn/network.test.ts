// He initialisation statistics, seeding, and copying parameters.
import { describe, expect, it } from 'vitest';
import { cloneParams, copyParamsInto, createNetwork, parameterCount } from '../../src/nn/network';

describe('createNetwork', () => {
  it('draws a 784x200 layer from N(0, sqrt(2/784)) with zero biases', () => {
    const params = createNetwork([784, 200, 10], 1);
    const w = params.W[0];
    expect(w.length).toBe(200 * 784);
    let sum = 0;
    for (const x of w) sum += x;
    const mean = sum / w.length;
    let squares = 0;
    for (const x of w) squares += (x - mean) ** 2;
    const std = Math.sqrt(squares / w.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std / Math.sqrt(2 / 784) - 1)).toBeLessThan(0.02);
    expect(params.b[0].every((x) => x === 0)).toBe(true);
    expect(params.W[1].length).toBe(10 * 200);
  });

  it('gives the same weights for the same seed and different ones for another seed', () => {
    const a = createNetwork([784, 30, 10], 5);
    const b = createNetwork([784, 30, 10], 5);
    const c = createNetwork([784, 30, 10], 6);
    expect(a.W[0]).toEqual(b.W[0]);
    expect(a.W[1]).toEqual(b.W[1]);
    expect(a.W[0]).not.toEqual(c.W[0]);
  });

  it('refuses impossible layer sizes', () => {
    expect(() => createNetwork([784], 1)).toThrow(/at least an input and an output/);
    expect(() => createNetwork([784, 0, 10], 1)).toThrow(/positive integers/);
    expect(() => createNetwork([784, 2.5, 10], 1)).toThrow(/positive integers/);
  });

  it('counts parameters of the reference network', () => {
    expect(parameterCount([784, 200, 100, 25, 10])).toBe(200 * 785 + 100 * 201 + 25 * 101 + 10 * 26);
  });
});

describe('cloneParams and copyParamsInto', () => {
  it('clones deeply and copies values between networks of the same shape only', () => {
    const a = createNetwork([784, 8, 10], 1);
    const clone = cloneParams(a);
    clone.W[0][0] += 1;
    expect(clone.W[0][0]).not.toBe(a.W[0][0]);
    const b = createNetwork([784, 8, 10], 2);
    copyParamsInto(b, a);
    expect(b.W[0]).toEqual(a.W[0]);
    expect(b.W[0]).not.toBe(a.W[0]);
    expect(() => copyParamsInto(createNetwork([784, 9, 10], 1), a)).toThrow(
      /784-8-10 network into a 784-9-10/,
    );
  });
});
