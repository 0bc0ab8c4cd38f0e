// Run names in the legend and the comparison list: numbered for this session's runs, never "Run -1".
import { describe, expect, it } from 'vitest';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import { runLabel, runName } from '../../../src/components/train/run-label';
import { chartSeries } from '../../../src/components/train/chart-series';
import type { RunHistory } from '../../../src/state/metrics-slice';

const run = (id: number): RunHistory => ({
  id,
  config: REFERENCE_CONFIG,
  train: [],
  test: [],
  epochSeconds: [],
  end: 'finished',
});

describe('run names', () => {
  it("numbers this session's runs and calls a reopened saved run by what it is", () => {
    expect(runName(2)).toBe('Run 2');
    expect(runName(-1)).toBe('Saved run');
    expect(runLabel(-3, REFERENCE_CONFIG)).toBe(
      'Saved run: reference momentum lr 0.5, batch 128, 784-200-100-25-10',
    );
  });

  it('a saved run overlaid on the charts is named without its internal id', () => {
    const names = chartSeries(run(3), [run(-1)], 'accuracy').map((s) => s.name);
    expect(names).toContain('Saved run train');
    expect(names).toContain('Saved run test');
    expect(names.some((name) => name.includes('-1'))).toBe(false);
    expect(names).toContain('Run 3 train');
  });
});
