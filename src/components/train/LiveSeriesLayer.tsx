// The run being trained, drawn as plain SVG over recharts' static layer: one path per series, so a redraw costs a
// path string per series instead of recharts' per-point state, labels and tooltip.
import { memo, useMemo, useState, type PointerEvent } from 'react';
import type { AxisScale } from './chart-axes';
import { plotArea } from './chart-plot-area';
import type { ChartSeries } from './chart-series';
import { liveClipId, markerId } from './chart-svg-ids';
import { LiveHoverReadout } from './LiveHoverReadout';
import { plotScales, seriesPath } from './live-path';
import './live-series-layer.css';

/** What either layer of a chart draws from: the static layer (recharts) and this one must be given the same. */
export interface ChartLayerProps {
  readonly chartId: string;
  readonly width: number;
  readonly height: number;
  readonly xAxis: AxisScale;
  readonly yAxis: AxisScale;
  readonly yUnit?: string;
  readonly series: readonly ChartSeries[];
}

export interface LiveSeriesLayerProps extends ChartLayerProps {
  /** Radius of a lone point's dot, as the static layer draws it. */
  readonly dotRadius: number;
}

export const LiveSeriesLayer = memo(function LiveSeriesLayer({
  chartId,
  width,
  height,
  xAxis,
  yAxis,
  yUnit = '',
  series,
  dotRadius,
}: LiveSeriesLayerProps) {
  const plot = useMemo(() => plotArea(width, height), [width, height]);
  const scales = useMemo(() => plotScales(plot, xAxis, yAxis), [plot, xAxis, yAxis]);
  const paths = useMemo(() => series.map((s) => seriesPath(s.points, scales.x, scales.y)), [series, scales]);
  /** The pointer's x in the layer's pixels while it is over the plot area. */
  const [pointerX, setPointerX] = useState<number | null>(null);

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const inside =
      x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= plot.top + plot.height;
    setPointerX(inside ? x : null);
  };
  const clipId = liveClipId(chartId);

  return (
    <>
      <svg
        className="live-series-layer"
        width={width}
        height={height}
        aria-hidden="true"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setPointerX(null)}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={plot.left} y={plot.top} width={plot.width} height={plot.height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          {series.map((s, i) => {
            const path = paths[i];
            const strokeWidth = s.dashed ? 1.5 : 2;
            // A path of one point draws nothing: a lone evaluation gets a dot of its own (as recharts draws it).
            if (path.vertices === 1 && path.first) {
              return s.dots ? (
                <circle
                  key={s.key}
                  className="metric-chart__live-dot"
                  cx={path.first.x}
                  cy={path.first.y}
                  r={dotRadius}
                  fill="#fff"
                  stroke={s.color}
                  strokeWidth={strokeWidth}
                />
              ) : null;
            }
            const marker = s.dots ? `url(#${markerId(chartId, s.key)})` : undefined;
            return (
              <path
                key={s.key}
                className="metric-chart__live-line"
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
          })}
        </g>
      </svg>
      {pointerX !== null && (
        <LiveHoverReadout
          pointerX={pointerX}
          chartWidth={width}
          plot={plot}
          scales={scales}
          series={series}
          yUnit={yUnit}
          dotRadius={dotRadius}
        />
      )}
    </>
  );
});
