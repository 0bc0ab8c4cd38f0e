// Drawn strokes end up in MNIST form wherever and however large they were drawn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreOfMass } from '../../../src/data/preprocess/centre-of-mass';
import { createGrayImage } from '../../../src/data/preprocess/gray-image';
import { preprocessStrokes } from '../../../src/data/preprocess/preprocess-strokes';
import { inkBox, meanAbsoluteDifference, polyline, seven } from './helpers';

const PAD = 560;

function comOf(input: Float32Array) {
  const com = centreOfMass(createGrayImage(28, 28, input));
  if (com === null) throw new Error('no ink');
  return com;
}

describe('preprocessStrokes', () => {
  const placements = {
    centre: seven(180, 140, 280),
    'top-left corner': seven(2, 2, 150),
    'bottom-right corner': seven(PAD - 100, PAD - 102, 100),
    small: seven(270, 300, 24),
    large: seven(5, 5, 550),
    'off-centre': seven(340, 60, 200),
  };

  for (const [where, strokes] of Object.entries(placements)) {
    it(`centres a 7 drawn ${where} with its longer side 20 px`, () => {
      const result = preprocessStrokes(strokes);
      expect(result).not.toBeNull();
      const input = result!.input;
      expect(input).toHaveLength(784);
      const com = comOf(input);
      expect(Math.abs(com.x - 14)).toBeLessThan(0.5);
      expect(Math.abs(com.y - 14)).toBeLessThan(0.5);
      expect(result!.centreOfMass.x).toBeCloseTo(com.x, 5);
      const box = inkBox(input);
      expect(box.height).toBeGreaterThanOrEqual(19);
      expect(box.height).toBeLessThanOrEqual(21);
      expect(box.width).toBeLessThan(box.height);
    });
  }

  it('gives the same 28x28 image wherever and however large the same shape is drawn', () => {
    const reference = preprocessStrokes(placements.centre)!.input;
    for (const strokes of Object.values(placements)) {
      expect(meanAbsoluteDifference(preprocessStrokes(strokes)!.input, reference)).toBeLessThan(0.03);
    }
  });

  it('keeps a tall thin stroke thin (a 1 is not stretched sideways)', () => {
    const one = [
      polyline([
        [300, 40],
        [300, 520],
      ]),
    ];
    const input = preprocessStrokes(one)!.input;
    const box = inkBox(input);
    expect(box.height).toBeGreaterThanOrEqual(19);
    expect(box.width).toBeLessThanOrEqual(4);
    // Stroke thickness like MNIST's: ink per row of about 2-3 pixels.
    let rowInk = 0;
    for (let x = 0; x < 28; x++) rowInk += input[14 * 28 + x];
    expect(rowInk).toBeGreaterThan(2);
    expect(rowInk).toBeLessThan(3.2);
  });

  it("keeps a wide flat stroke's proportions: longer side 20, short side stays short", () => {
    const dash = [
      polyline([
        [100, 300],
        [400, 330],
      ]),
    ];
    const box = inkBox(preprocessStrokes(dash)!.input);
    expect(box.width).toBeGreaterThanOrEqual(19);
    expect(box.width).toBeLessThanOrEqual(21);
    expect(box.height).toBeLessThanOrEqual(6);
  });

  it('returns null when there is no ink', () => {
    expect(preprocessStrokes([])).toBeNull();
    expect(preprocessStrokes([[], []])).toBeNull();
    expect(preprocessStrokes([[{ x: Number.NaN, y: 3 }]])).toBeNull();
  });

  it('turns a single tap into a centred dot', () => {
    const result = preprocessStrokes([[{ x: 10, y: 10 }]]);
    const com = comOf(result!.input);
    expect(com.x).toBeCloseTo(14, 1);
    expect(com.y).toBeCloseTo(14, 1);
  });

  it('returns the crop, 20 px fit and centring stages in order', () => {
    const result = preprocessStrokes(placements['off-centre'], { padPenDiameter: 24 })!;
    expect(result.stages.map((s) => s.name)).toEqual(['crop', 'fit', 'centre']);
    expect(result.stages[2].image.data).toBe(result.input);
    const fit = result.stages[1].image;
    expect(fit.width).toBe(28);
    expect(inkBox(fit.data).height).toBeGreaterThanOrEqual(19);
  });

  it('any scribble gives values in [0, 1] with the centre of mass within half a pixel of (14, 14)', () => {
    const point = fc.record({
      x: fc.double({ min: 0, max: PAD, noNaN: true }),
      y: fc.double({ min: 0, max: PAD, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        (strokes) => {
          const result = preprocessStrokes(strokes);
          expect(result).not.toBeNull();
          for (const v of result!.input) expect(v >= 0 && v <= 1).toBe(true);
          const com = comOf(result!.input);
          expect(Math.abs(com.x - 14)).toBeLessThan(0.5);
          expect(Math.abs(com.y - 14)).toBeLessThan(0.5);
        },
      ),
      { numRuns: 60 },
    );
  });
});
