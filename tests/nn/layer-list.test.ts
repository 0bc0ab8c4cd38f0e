// Reading, refusing and formatting layer lists, and the shapes they resolve to against a 1x28x28 digit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLayerList, type Layer } from '../../src/nn/layer';
import { parseLayerList } from '../../src/nn/layer-list';
import { LayerListError } from '../../src/nn/layer-list-error';
import { MAX_ACTIVATIONS_PER_SAMPLE, MAX_PARAMETERS, resolveLayers } from '../../src/nn/layer-shapes';

const CNN = 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100';

function refusal(text: string): string {
  try {
    parseLayerList(text);
  } catch (error) {
    expect(error).toBeInstanceOf(LayerListError);
    return (error as Error).message;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseLayerList', () => {
  it('reads the reference network, a CNN and the empty list', () => {
    expect(parseLayerList('dense 200, dense 100, dense 25')).toEqual([
      { kind: 'dense', units: 200 },
      { kind: 'dense', units: 100 },
      { kind: 'dense', units: 25 },
    ]);
    expect(parseLayerList(CNN)).toEqual([
      { kind: 'conv', filters: 8, size: 5, padding: 'same' },
      { kind: 'pool', size: 2 },
      { kind: 'conv', filters: 16, size: 5, padding: 'same' },
      { kind: 'pool', size: 2 },
      { kind: 'dense', units: 100 },
    ]);
    expect(parseLayerList('')).toEqual([]);
    expect(parseLayerList('   ')).toEqual([]);
  });

  it('takes any spacing and case, × for x, and an explicit same', () => {
    const layers = parseLayerList(CNN);
    expect(parseLayerList('CONV 8 @ 5×5,pool2 ,  Conv16@5X5 same,POOL 2,dense100')).toEqual(layers);
    expect(parseLayerList('conv 4@3x3 VALID')).toEqual([
      { kind: 'conv', filters: 4, size: 3, padding: 'valid' },
    ]);
  });

  it('refuses, saying why: even K with same padding, 0x0 maps, conv after dense, trailing dense 10', () => {
    expect(refusal('conv 8@4x4')).toMatch(/odd filter size \(4 is even\)/);
    expect(parseLayerList('conv 8@4x4 valid')[0]).toEqual({
      kind: 'conv',
      filters: 8,
      size: 4,
      padding: 'valid',
    });
    expect(refusal('pool 2, pool 2, pool 2, pool 2, pool 2')).toMatch(
      /pool 2 leaves a 0x0 map: its input is 1x1/,
    );
    expect(refusal('pool 29')).toMatch(/0x0 map: its input is 28x28/);
    expect(refusal('conv 4@29x29 valid')).toMatch(/0x0 map: its input is 28x28, smaller than the filter/);
    expect(refusal('dense 100, conv 8@5x5')).toMatch(/conv 8@5x5 comes after dense 100/);
    expect(refusal('dense 100, pool 2')).toMatch(/pool 2 comes after dense 100/);
    expect(refusal('conv 8@5x5, dense 10')).toMatch(/output layer .* is added for you/);
    expect(parseLayerList('dense 10, dense 20')).toHaveLength(2);
  });

  it('refuses unknown words, malformed layers, zero sizes and empty items', () => {
    expect(refusal('dense 100, maxpool 2')).toMatch(/"maxpool 2" is not a layer/);
    expect(refusal('conv 8 5x5')).toMatch(/"conv 8 5x5" is not a conv layer/);
    expect(refusal('conv 8@5x3')).toMatch(/filters are square/);
    expect(refusal('dense 100 relu')).toMatch(/not a dense layer/);
    expect(refusal('dense 0')).toMatch(/dense 0: the units must be a whole number, at least 1/);
    expect(refusal('conv 0@3x3')).toMatch(/filters must be/);
    expect(refusal('pool 0')).toMatch(/window size must be/);
    expect(refusal('dense 100,, dense 50')).toMatch(/layer 2 is empty/);
    expect(refusal('dense 100,')).toMatch(/layer 2 is empty/);
  });

  it('refuses a network too large for memory, with the numbers', () => {
    const weights = refusal('dense 5000, dense 5000');
    expect(weights).toMatch(/too large: 28,980,010 weights \(111 MB\), the limit is 25,000,000/);
    expect(MAX_PARAMETERS).toBe(25_000_000);
    const activations = refusal('conv 128@3x3, conv 128@3x3, conv 128@3x3');
    expect(activations).toMatch(/301,066 activations per sample .* the limit is 262,144/);
    expect(MAX_ACTIVATIONS_PER_SAMPLE).toBe(262_144);
    expect(() => parseLayerList('dense 4000, dense 4000')).not.toThrow();
    expect(refusal('dense 99999999999999999999999')).toMatch(/too large: .* weights/);
    expect(() => resolveLayers([{ kind: 'dense', units: 2.5 }])).toThrow(/whole number/);
  });
});

describe('resolveLayers', () => {
  it('gives the CNN its channel-major shapes, weight shapes and parameter count', () => {
    const plan = resolveLayers(parseLayerList(CNN));
    const shapes = plan.steps.map((s) => [s.output.channels, s.output.height, s.output.width]);
    expect(shapes).toEqual([
      [8, 28, 28],
      [8, 14, 14],
      [16, 14, 14],
      [16, 7, 7],
      [100, 1, 1],
      [10, 1, 1],
    ]);
    expect(plan.steps.map((s) => [s.weightIndex, s.weightRows, s.weightCols, s.relu])).toEqual([
      [0, 8, 25, true],
      [-1, 0, 0, false],
      [1, 16, 200, true],
      [-1, 0, 0, false],
      [2, 100, 784, true],
      [3, 10, 100, false],
    ]);
    expect(plan.parameterCount).toBe(8 * 26 + 16 * 201 + 100 * 785 + 10 * 101);
  });

  it('floors pooled sizes and shrinks valid convolutions', () => {
    const plan = resolveLayers(parseLayerList('conv 4@3x3 valid, pool 3, conv 2@5x5 valid, pool 2'));
    expect(plan.steps.map((s) => `${s.output.height}x${s.output.width}`)).toEqual([
      '26x26',
      '8x8',
      '4x4',
      '2x2',
      '1x1',
    ]);
  });

  it('makes the empty list softmax regression: one 784→10 layer', () => {
    const plan = resolveLayers([]);
    expect(plan.steps).toHaveLength(1);
    expect([plan.steps[0].weightRows, plan.steps[0].weightCols, plan.steps[0].relu]).toEqual([
      10,
      784,
      false,
    ]);
  });
});

const layerArbitrary: fc.Arbitrary<Layer> = fc.oneof(
  fc.record({
    kind: fc.constant('conv' as const),
    filters: fc.integer({ min: 1, max: 64 }),
    size: fc.integer({ min: 1, max: 7 }),
    padding: fc.constantFrom('same' as const, 'valid' as const),
  }),
  fc.record({ kind: fc.constant('pool' as const), size: fc.integer({ min: 1, max: 4 }) }),
);
const denseArbitrary: fc.Arbitrary<Layer> = fc.record({
  kind: fc.constant('dense' as const),
  units: fc.integer({ min: 1, max: 2000 }),
});

describe('formatLayerList', () => {
  it('writes the canonical form', () => {
    expect(formatLayerList(parseLayerList(' CONV 8@5×5 , pool 2,conv 4@3x3 valid, dense 100 '))).toBe(
      'conv 8@5x5, pool 2, conv 4@3x3 valid, dense 100',
    );
    expect(formatLayerList([])).toBe('');
  });

  it('round-trips: parse(format(x)) equals x for every list that can work, and refuses the rest', () => {
    const lists = fc
      .tuple(fc.array(layerArbitrary, { maxLength: 5 }), fc.array(denseArbitrary, { maxLength: 3 }))
      .map(([maps, dense]) => [...maps, ...dense]);
    let accepted = 0;
    fc.assert(
      fc.property(lists, (layers) => {
        let works = true;
        try {
          resolveLayers(layers);
        } catch (error) {
          expect(error).toBeInstanceOf(LayerListError);
          works = false;
        }
        if (works) {
          accepted++;
          expect(parseLayerList(formatLayerList(layers))).toEqual(layers);
        } else {
          expect(() => parseLayerList(formatLayerList(layers))).toThrow(LayerListError);
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('reads any spacing and case of the canonical form alike', () => {
    const spacing = fc.constantFrom('', ' ', '  ', '\t');
    fc.assert(
      fc.property(
        fc.array(denseArbitrary, { maxLength: 3 }).filter((l) => formatLayerList(l.slice(-1)) !== 'dense 10'),
        spacing,
        spacing,
        fc.boolean(),
        (layers, a, b, upper) => {
          const canonical = formatLayerList([
            { kind: 'conv', filters: 3, size: 3, padding: 'valid' },
            ...layers,
          ]);
          let text = canonical.replace(/, /g, `${a},${b}`).replace(/ (\d)/g, `${b}$1`);
          if (upper) text = text.toUpperCase().replace('X', '×');
          expect(parseLayerList(`${a}${text}${b}`)).toEqual(parseLayerList(canonical));
        },
      ),
    );
  });
});
