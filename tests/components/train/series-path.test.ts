// The live chart layer's maths: axis domains onto the plot's pixels, a series as one path, the point under a pointer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plotArea, yAxisWidth } from '../../../src/components/train/chart-plot-area';
import { linearScale, nearestByX, plotScales, seriesPath } from '../../../src/components/train/series-path';

const X_AXIS = { domain: [0, 60_000], ticks: [0, 20_000, 40_000, 60_000] } as const;
const Y_AXIS = { domain: [0, 2], ticks: [0, 1, 2] } as const;

/** The pairs of numbers a path visits, in order. */
function vertices(d: string): [number, number][] {
  return d
    .split(/[ML]/)
    .filter((s) => s !== '')
    .map((pair) => pair.split(',').map(Number) as [number, number]);
}

describe('plotArea', () => {
  it('leaves recharts room for the y axis on the left and the x axis below, inside the margin', () => {
    expect(plotArea(500, 240)).toEqual({ left: 40, top: 8, width: 444, height: 198 });
    expect(plotArea(500, 240, 52)).toEqual({ left: 52, top: 8, width: 432, height: 198 });
  });
});

describe('yAxisWidth', () => {
  it('keeps 40 px for short labels and widens the axis for long ones, never cutting "92.5%" to "2.5%"', () => {
    expect(yAxisWidth(['0', '0.5', '1', '1.5', '2'], 12)).toBe(40);
    // "92.5%" is 38.1 px in DejaVu Sans at 12 px, drawn 8 px left of the axis line: at least 47 px.
    const accuracy = yAxisWidth(['90%', '92.5%', '95%', '97.5%', '100%'], 12);
    expect(accuracy).toBeGreaterThanOrEqual(47);
    expect(accuracy).toBeLessThanOrEqual(56);
    expect(yAxisWidth(['0.1', '0.125'], 12)).toBeGreaterThan(yAxisWidth(['0.1', '0.12'], 12));
  });
});

describe('linearScale', () => {
  it("maps the domain's ends onto the range's ends and inverts back", () => {
    const scale = linearScale([0, 60_000], [40, 484]);
    expect(scale.at(0)).toBe(40);
    expect(scale.at(60_000)).toBe(484);
    expect(scale.at(30_000)).toBe(262);
    expect(scale.invert(262)).toBe(30_000);
  });

  it('puts the y axis upwards: the domain minimum at the bottom of the plot', () => {
    const { x, y } = plotScales(plotArea(500, 240), X_AXIS, Y_AXIS);
    expect(x.at(0)).toBe(40);
    expect(y.at(0)).toBe(206);
    expect(y.at(2)).toBe(8);
    expect(y.at(1)).toBe(107);
  });

  it('inverts every pixel of a plot to the value it draws there', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, span, t) => {
          const scale = linearScale([start, start + span], [40, 484]);
          const value = start + t * span;
          expect(scale.invert(scale.at(value))).toBeCloseTo(value, 3);
        },
      ),
    );
  });

  it('draws an empty domain across the middle of the range instead of at infinity', () => {
    expect(linearScale([5, 5], [0, 100]).at(5)).toBe(50);
  });
});

describe('seriesPath', () => {
  const { x, y } = plotScales(plotArea(500, 240), X_AXIS, Y_AXIS);

  it('visits every point once, in order, at its pixel', () => {
    const path = seriesPath(
      [
        { samplesSeen: 0, value: 2 },
        { samplesSeen: 30_000, value: 1 },
        { samplesSeen: 60_000, value: 0 },
      ],
      x,
      y,
    );
    expect(path.d).toBe('M40,8L262,107L484,206');
    expect(path.vertices).toBe(3);
    expect(path.first).toEqual({ x: 40, y: 8 });
  });

  it('keeps points outside the domain where they fall (the layer clips them to the plot)', () => {
    const path = seriesPath(
      [
        { samplesSeen: 30_000, value: 1 },
        { samplesSeen: 60_000, value: 3 },
      ],
      x,
      y,
    );
    expect(vertices(path.d)).toEqual([
      [262, 107],
      [484, -91],
    ]);
  });

  it('rounds pixels to hundredths', () => {
    const path = seriesPath([{ samplesSeen: 1, value: 1 / 3 }], x, y);
    expect(path.d).toBe('M40.01,173');
  });

  it('draws one point as a move without a line, and gives its place for a dot', () => {
    const path = seriesPath([{ samplesSeen: 12_000, value: 0.5 }], x, y);
    expect(path.vertices).toBe(1);
    expect(path.first).toEqual({ x: 128.8, y: 156.5 });
  });

  it('draws nothing for an empty series', () => {
    expect(seriesPath([], x, y)).toEqual({ d: '', vertices: 0, first: null });
  });

  it('joins across values that are not numbers (a diverged loss) instead of breaking the path', () => {
    const path = seriesPath(
      [
        { samplesSeen: 0, value: 1 },
        { samplesSeen: 20_000, value: Number.NaN },
        { samplesSeen: 40_000, value: Number.POSITIVE_INFINITY },
        { samplesSeen: 60_000, value: 1 },
      ],
      x,
      y,
    );
    expect(path.d).toBe('M40,107L484,107');
  });
});

describe('nearestByX', () => {
  const points = [1_000, 2_000, 4_000, 8_000].map((samplesSeen) => ({ samplesSeen, value: samplesSeen }));

  it('finds the point nearest along x, and the end points beyond either end', () => {
    expect(nearestByX(points, 2_900)?.samplesSeen).toBe(2_000);
    expect(nearestByX(points, 3_100)?.samplesSeen).toBe(4_000);
    expect(nearestByX(points, 0)?.samplesSeen).toBe(1_000);
    expect(nearestByX(points, 99_000)?.samplesSeen).toBe(8_000);
    expect(nearestByX([], 5)).toBeNull();
  });

  it('agrees with a scan over every point', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: -1000, max: 1.1e6 }),
        (xs, samples) => {
          const sorted = [...xs].sort((a, b) => a - b).map((s) => ({ samplesSeen: s, value: 0 }));
          const best = Math.min(...sorted.map((p) => Math.abs(p.samplesSeen - samples)));
          const found = nearestByX(sorted, samples);
          expect(Math.abs((found?.samplesSeen ?? Number.NaN) - samples)).toBe(best);
        },
      ),
    );
  });
});
