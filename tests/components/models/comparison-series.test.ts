// The compared models' curves over epochs: points placed by epoch, one colour per model, the rows of numbers, and
// the sentence a screen reader hears.
import { describe, expect, it } from 'vitest';
import {
  accuracySeries,
  accuracySummary,
  curveRows,
  hasCurves,
  lossSeries,
  type ComparisonEntry,
} from '../../../src/components/models/comparison-series';
import type { ComparedModel } from '../../../src/state/compared-model';

function model(id: string, name: string): ComparedModel {
  return {
    id,
    name,
    source: 'saved',
    architecture: '784-10',
    parameterCount: 7850,
    testAccuracy: null,
    epochs: null,
    config: null,
    savedAt: null,
  };
}

/** A run of 1,000-image epochs: training points every 250 images, a test after each epoch. */
const run: ComparisonEntry = {
  model: model('run', 'Run'),
  curves: {
    epochSamples: 1000,
    history: {
      train: [250, 500, 750, 1000, 1250, 1500, 1750, 2000].map((samplesSeen, i) => ({
        samplesSeen,
        loss: 2 - i * 0.2,
        accuracy: 0.5,
      })),
      test: [
        { samplesSeen: 1000, loss: 0.5, accuracy: 0.8 },
        { samplesSeen: 2000, loss: 0.25, accuracy: 0.9 },
      ],
      epochSeconds: [1, 1],
    },
  },
};
const noHistory: ComparisonEntry = {
  model: model('npz', 'From NumPy'),
  curves: { history: null, epochSamples: 1 },
};
const other: ComparisonEntry = {
  model: model('other', 'Other'),
  curves: {
    epochSamples: 60_000,
    history: { train: [], test: [{ samplesSeen: 30_000, loss: 0.3, accuracy: 0.95 }], epochSeconds: [] },
  },
};

describe('comparison curves', () => {
  it('places points by epoch from each model’s own epoch size, accuracy in percent', () => {
    const [runLine, otherLine] = accuracySeries([run, other]);
    expect(runLine.points).toEqual([
      { epoch: 1, value: 80 },
      { epoch: 2, value: 90 },
    ]);
    expect(otherLine.points).toEqual([{ epoch: 0.5, value: 95 }]);
    expect(runLine.color).not.toBe(otherLine.color);
  });

  it('draws a training (dashed) and a test (solid) loss line per model in its colour, none for a model without history', () => {
    const lines = lossSeries([run, noHistory, other]);
    expect(lines.map((l) => [l.name, l.dashed])).toEqual([
      ['Run train', true],
      ['Run test', false],
      ['Other test', false],
    ]);
    expect(lines[0].color).toBe(lines[1].color);
    expect(lines[0].points[0]).toEqual({ epoch: 0.25, value: 2 });
    // The third model ticked keeps the third colour even though the second has nothing to draw.
    expect(lines[2].color).toBe(accuracySeries([run, noHistory, other])[1].color);
    expect(hasCurves(noHistory)).toBe(false);
    expect(hasCurves(run)).toBe(true);
  });

  it('tabulates each test with the training loss last recorded by then', () => {
    expect(curveRows(run.curves!)).toEqual([
      { epoch: 1, testAccuracy: 80, testLoss: 0.5, trainLoss: 1.4 },
      { epoch: 2, testAccuracy: 90, testLoss: 0.25, trainLoss: expect.closeTo(0.6, 10) as number },
    ]);
    expect(curveRows(other.curves!)).toEqual([
      { epoch: 0.5, testAccuracy: 95, testLoss: 0.3, trainLoss: null },
    ]);
  });

  it('says in words where each model’s test accuracy started and ended', () => {
    expect(accuracySummary([run, other, noHistory])).toBe(
      'Run: test accuracy from 80.00% after epoch 1 to 90.00% after epoch 2. ' +
        'Other: test accuracy 95.00% after epoch 0.5. From NumPy: no curves.',
    );
  });
});
