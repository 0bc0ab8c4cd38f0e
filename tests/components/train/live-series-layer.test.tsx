// @vitest-environment jsdom
// The curves of a chart in plain SVG: they lie exactly on recharts' grid, and hovering reads out the live run.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { REFERENCE_CONFIG } from '../../../src/nn/types';
import type { RunHistory } from '../../../src/state/metrics-slice';
import { MetricChart } from '../../../src/components/train/MetricChart';
import { chartSeries, type ChartSeries } from '../../../src/components/train/chart-series';

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
    epochSeconds: [9.5],
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
  it("puts points on recharts' grid lines: the curves and recharts' grid share the plot area and scales", () => {
    // Points exactly on the ticks (x 0…60k by 20k, y 0…100 by 25) must land exactly on the grid's lines.
    const points = [0, 1, 2, 3].map((i) => ({ samplesSeen: i * 20_000, value: [0, 25, 50, 100][i] }));
    const line = { name: 'Run', color: '#3d5afe', dashed: false, dots: false, points };
    const series: ChartSeries[] = [
      { ...line, key: 'run-1-train', live: false, dashed: true },
      { ...line, key: 'current-train', live: true },
    ];
    const { container } = render(
      <MetricChart
        title="Accuracy"
        series={series}
        yUnit="%"
        yDomain={[0, 100]}
        minXSpan={60_000}
        width={500}
      />,
    );
    const gridX = [...container.querySelectorAll('.recharts-cartesian-grid-vertical line')].map((l) =>
      Number(l.getAttribute('x1')),
    );
    const gridY = [...container.querySelectorAll('.recharts-cartesian-grid-horizontal line')].map((l) =>
      Number(l.getAttribute('y1')),
    );
    expect(gridX).toHaveLength(4);
    expect(gridY).toHaveLength(5);
    const [earlier, live] = container.querySelectorAll('.metric-chart__line');
    expect(earlier).not.toHaveClass('metric-chart__live-line');
    expect(live).toHaveClass('metric-chart__live-line');
    expect(earlier).toHaveAttribute('stroke-dasharray', '5 4');
    expect(earlier.getAttribute('d')).toBe(live.getAttribute('d'));
    const byY = [...gridY].sort((a, b) => b - a); // value 0 at the bottom (largest y)
    const expected = [
      [gridX[0], byY[0]],
      [gridX[1], byY[1]],
      [gridX[2], byY[2]],
      [gridX[3], byY[4]],
    ];
    expect(pathNumbers(live)).toEqual(expected.flat().map((v) => Math.round(v * 100) / 100));
    // recharts draws no curve of its own any more, and the curves clip to the grid's rectangle.
    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(0);
    const clip = container.querySelector('.live-series-layer clipPath rect');
    expect(['x', 'y', 'width', 'height'].map((a) => Number(clip?.getAttribute(a)))).toEqual([
      gridX[0],
      byY[4],
      gridX[3] - gridX[0],
      byY[0] - byY[4],
    ]);
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
