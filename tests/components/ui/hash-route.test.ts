// Hash routes: every place is reachable by URL, parameters survive, and unknown links land on Draw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHash, parseHash } from '../../../src/components/ui/hash-route';
import { PLACES } from '../../../src/components/ui/places';

describe('parseHash', () => {
  it('lands on draw for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ place: 'draw', params: {} });
    expect(parseHash('#/')).toEqual({ place: 'draw', params: {} });
    expect(parseHash('#/nowhere?x=1').place).toBe('draw');
  });

  it('reads the place and the parameters after it', () => {
    expect(parseHash('#/train?lr=0.5&epochs=3')).toEqual({
      place: 'train',
      params: { lr: '0.5', epochs: '3' },
    });
    expect(parseHash('#/models/').place).toBe('models');
    expect(parseHash('#inspect').place).toBe('inspect');
  });

  it('keeps a parameter named __proto__ as a parameter', () => {
    expect(Object.keys(parseHash('#/train?__proto__=1&a=2').params)).toEqual(['__proto__', 'a']);
  });

  it('round-trips every place with any parameters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLACES.map((p) => p.place)),
        fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        (place, params) => {
          const plain = Object.fromEntries(Object.entries(params));
          expect(parseHash(formatHash(place, plain))).toEqual({ place, params: plain });
        },
      ),
      { numRuns: 300 },
    );
  });
});
