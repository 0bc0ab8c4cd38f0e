// A trainer's place in its run: batch starts and sizes, the short last batch, and the epoch turning over.
import { describe, expect, it } from 'vitest';
import { EpochPosition } from '../../src/nn/epoch-position';

describe('EpochPosition', () => {
  it('walks 300 samples in batches of 128 (the last one 44 rows) and turns to the next epoch', () => {
    const position = new EpochPosition(300, 128);
    expect(position.batchesPerEpoch).toBe(3);
    const seen: [number, number][] = [];
    const reports = [];
    for (let i = 0; i < 4; i++) {
      seen.push([position.batchStart, position.batchRows]);
      reports.push(position.advance(i, i / 10));
    }
    expect(seen).toEqual([
      [0, 128],
      [128, 128],
      [256, 44],
      [0, 128],
    ]);
    expect(reports.map((r) => [r.epoch, r.batch, r.samplesSeen])).toEqual([
      [0, 0, 128],
      [0, 1, 256],
      [0, 2, 300],
      [1, 0, 428],
    ]);
    expect(reports[2]).toMatchObject({ loss: 2, accuracy: 0.2, batchesPerEpoch: 3 });
    expect([position.epoch, position.batch, position.samplesSeen]).toEqual([1, 1, 428]);
  });
});
