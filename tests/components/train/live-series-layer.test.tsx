// @vitest-environment jsdom
// The live layer of a chart: its lines lie exactly on recharts' static layer, and hovering reads out the points.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import type { RunHistory } from '../../../src/state/metrics-slice';
import { MetricChart } from '../../../src/components/train/MetricChart';
import { chartSeries } from '../../../src/components/train/chart-series';

beforeAll(() => {
  // recharts observes its container's size; jsdom has no layout, so the charts get a fixed width.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

afterEach(cleanup);

function run(id: number): RunHistory {
  return {
    id,
    config: REFERENCE_CONFIG,
    train: Array.from({ length: 15 }, (_, i) => ({
      samplesSeen: (i + 1) * 4000,
      loss: 2 / (i + 1),
      accuracy: 0.5 + i / 40,
    })),
    test: [
      { samplesSeen: 30_000, loss: 0.4, accuracy: 0.9, sampleCount: 1000 },
      { samplesSeen: 60_000, loss: 0.2, accuracy: 0.955, sampleCount: 10_000 },
    ],
    end: 'finished',
  };
}

/** The numbers a path visits, in order, whatever separators it writes. */
function pathNumbers(path: Element): number[] {
  return (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
}

function renderChart(current: RunHistory | null, compared: RunHistory[]) {
  const series = chartSeries(current, compared, 'accuracy');
  return render(
    <MetricChart
      title="Accuracy"
      series={series}
      yUnit="%"
      yDomain={['auto', 100]}
      minXSpan={60_000}
      width={500}
      height={240}
    />,
  );
}

describe('live chart layer', () => {
  it("draws the current run on the same pixels recharts draws an earlier run's identical history", () => {
    // Run 1 (compared, recharts) and run 2 (live, plain SVG) trained alike: their curves must coincide.
    const { container } = renderChart(run(2), [run(1)]);
    const [pastTrain, pastTest] = container.querySelectorAll('.recharts-line-curve');
    const [liveTrain, liveTest] = container.querySelectorAll('.metric-chart__live-line');
    const expectSame = (live: Element, past: Element, points: number) => {
      const expected = pathNumbers(past);
      expect(expected).toHaveLength(2 * points);
      const actual = pathNumbers(live);
      expect(actual).toHaveLength(expected.length);
      actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 1));
    };
    expectSame(liveTrain, pastTrain, 15);
    expectSame(liveTest, pastTest, 2);
    // The live layer clips to the same plot area as recharts' clip path.
    const rechartsClip = container.querySelector('clipPath[id^="clipPath-"] rect');
    const liveClip = container.querySelector('.live-series-layer clipPath rect');
    expect(rechartsClip).not.toBeNull();
    expect(liveClip).not.toBeNull();
    for (const attribute of ['x', 'y', 'width', 'height']) {
      expect(Number(liveClip?.getAttribute(attribute))).toBe(Number(rechartsClip?.getAttribute(attribute)));
    }
  });

  it('reads out the nearest point of each live series under the pointer, and hides it on leave', () => {
    const { container } = renderChart(run(3), []);
    const layer = container.querySelector('.live-series-layer');
    expect(layer).not.toBeNull();
    // jsdom puts every box at (0, 0), so client coordinates are the chart's own. The plot spans x 40…484 for
    // 0…60k samples: x 300 is about 35k samples, nearest training point 36k, nearest evaluation 30k.
    fireEvent.pointerMove(layer!, { clientX: 300, clientY: 100 });
    const readout = screen.getByTestId('live-hover-readout');
    expect(readout).toHaveAttribute('aria-hidden', 'true');
    expect(readout).toHaveTextContent('36k samples · Run 3 train: 70%');
    expect(readout).toHaveTextContent('30k samples · Run 3 test: 90%');

    fireEvent.pointerLeave(layer!);
    expect(screen.queryByTestId('live-hover-readout')).toBeNull();
  });

  it('shows no readout over the axes, outside the plot area', () => {
    const { container } = renderChart(run(3), []);
    fireEvent.pointerMove(container.querySelector('.live-series-layer')!, { clientX: 20, clientY: 100 });
    expect(screen.queryByTestId('live-hover-readout')).toBeNull();
  });
});
