// A chart's series as plain SVG: one path per series (dots as markers on its vertices), a lone point as a dot.
import { memo } from 'react';
import type { ChartSeries } from './chart-series';
import { markerId } from './chart-svg-ids';
import { seriesPath, type LinearScale } from './series-path';

export interface SeriesPathsProps {
  readonly chartId: string;
  readonly series: readonly ChartSeries[];
  readonly scales: { readonly x: LinearScale; readonly y: LinearScale };
  readonly dotRadius: number;
}

const LINE_CLASS = { live: 'metric-chart__line metric-chart__live-line', earlier: 'metric-chart__line' };
const DOT_CLASS = { live: 'metric-chart__dot metric-chart__live-dot', earlier: 'metric-chart__dot' };

/** Redrawn only when its series or the scales change: the earlier runs' paths stay put while the live run moves. */
export const SeriesPaths = memo(function SeriesPaths({
  chartId,
  series,
  scales,
  dotRadius,
}: SeriesPathsProps) {
  return series.map((s) => {
    const path = seriesPath(s.points, scales.x, scales.y);
    const strokeWidth = s.dashed ? 1.5 : 2;
    // Every curve is a `metric-chart__line`, the live run's also a `metric-chart__live-line` (tests find both).
    const kind = s.live ? 'live' : 'earlier';
    // A path of one point draws nothing: a lone evaluation gets a dot of its own.
    if (path.vertices === 1 && path.first) {
      return s.dots ? (
        <circle
          key={s.key}
          className={DOT_CLASS[kind]}
          cx={path.first.x}
          cy={path.first.y}
          r={dotRadius}
          fill="#fff"
          stroke={s.color}
          strokeWidth={strokeWidth}
        />
      ) : null;
    }
    if (path.vertices === 0) return null;
    const marker = s.dots ? `url(#${markerId(chartId, s.key)})` : undefined;
    return (
      <path
        key={s.key}
        className={LINE_CLASS[kind]}
        d={path.d}
        fill="none"
        stroke={s.color}
        strokeWidth={strokeWidth}
        strokeDasharray={s.dashed ? '5 4' : undefined}
        markerStart={marker}
        markerMid={marker}
        markerEnd={marker}
      />
    );
  });
});
