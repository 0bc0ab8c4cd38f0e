// Training config <-> `#/train?…` link: exact round trips (fuzzed), defaults for missing keys, bad values reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { REFERENCE_CONFIG, type TrainingConfig } from '../../src/nn/types';
import {
  configFromHash,
  configFromParams,
  configToQuery,
  trainingConfigHash,
} from '../../src/state/url-config';

const configArb: fc.Arbitrary<TrainingConfig> = fc.record({
  hiddenSizes: fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 8 }),
  optimizer: fc.constantFrom('sgd', 'reference-momentum', 'momentum', 'adam'),
  learningRate: fc.double({ min: 1e-9, max: 10, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.999999, noNaN: true }),
  beta2: fc.double({ min: 0, max: 0.999999, noNaN: true }),
  epsilon: fc.double({ min: 1e-12, max: 1, noNaN: true }),
  batchSize: fc.integer({ min: 1, max: 60_000 }),
  epochs: fc.integer({ min: 1, max: 1000 }),
  l2: fc.double({ min: 0, max: 1, noNaN: true }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});

describe('url-config', () => {
  it('writes a readable link for the reference config', () => {
    expect(trainingConfigHash(REFERENCE_CONFIG)).toBe(
      '#/train?hidden=200-100-25&opt=reference-momentum&lr=0.5&beta1=0.9&beta2=0.999&eps=1e-8&batch=128&epochs=20&l2=0&seed=1',
    );
  });

  it('round-trips every config exactly, seed included', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const back = configFromHash(trainingConfigHash(config), { ...REFERENCE_CONFIG, seed: 999 });
        expect(back.problems).toEqual([]);
        expect(back.fromLink).toBe(true);
        expect(back.config).toEqual(config);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the base value for missing keys and for values it cannot read, saying which', () => {
    const { config, problems } = configFromParams({
      lr: 'fast',
      seed: '7',
      batch: '12.5',
      hidden: '64-x',
      opt: 'rmsprop',
    });
    expect(config).toEqual({ ...REFERENCE_CONFIG, seed: 7 });
    expect(problems).toEqual([
      'hidden: "64-x" should be layer widths joined by "-", like 200-100-25.',
      'opt: "rmsprop" is not one of sgd, reference-momentum, momentum, adam.',
      'lr: "fast" is not a number.',
      'batch: "12.5" should be a whole number.',
    ]);
  });

  it('reads an empty hidden list as no hidden layer, and ignores other places and bare links', () => {
    expect(configFromParams({ hidden: '' }).config.hiddenSizes).toEqual([]);
    expect(configFromHash('#/models?seed=5')).toEqual({
      config: REFERENCE_CONFIG,
      fromLink: false,
      problems: [],
    });
    expect(configFromHash('#/train').fromLink).toBe(false);
    expect(configToQuery({ ...REFERENCE_CONFIG, hiddenSizes: [] })).toMatch(/^hidden=&opt=/);
  });

  it('carries training on distorted digits: every setting, "on" for the defaults, and nothing for plain links', () => {
    const robust = {
      ...REFERENCE_CONFIG,
      augmentation: { ...DEFAULT_AUGMENTATION, elastic: { probability: 0.5, alpha: 20, sigma: 3 } },
    };
    const query = configToQuery(robust);
    expect(query).toContain('augment=rotate+15%2C+scale+0.15');
    expect(configFromHash(`#/train?${query}`).config).toEqual(robust);
    expect(configFromParams({ augment: 'on' }).config.augmentation).toEqual(DEFAULT_AUGMENTATION);
    expect(configFromParams({ augment: 'off' }, robust).config.augmentation).toBeUndefined();
    expect(configFromParams({ seed: '3' }, robust).config.augmentation).toBeUndefined();
    expect(configFromParams({ augment: 'rotate 400' }).problems).toEqual([
      'augment: rotate: augmentation affine rotationDegrees must be between 0 and 180, got 400.',
    ]);
  });
});
