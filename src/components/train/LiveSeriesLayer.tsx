// The curves of a chart as plain SVG over recharts' grid and axes: one path per series, so a redraw costs a path
// string per series instead of recharts' per-point state, labels and tooltip; plus a hover readout of the live run.
import { memo, useMemo, useState, type PointerEvent } from 'react';
import type { AxisScale } from './chart-axes';
import { plotArea } from './chart-plot-area';
import type { ChartSeries } from './chart-series';
import { liveClipId } from './chart-svg-ids';
import { LiveHoverReadout } from './LiveHoverReadout';
import { plotScales } from './series-path';
import { SeriesPaths } from './SeriesPaths';
import './live-series-layer.css';

/** What both layers of a chart draw from: recharts' grid and axes and these curves must be given the same. */
export interface ChartLayerProps {
  readonly chartId: string;
  readonly width: number;
  readonly height: number;
  readonly xAxis: AxisScale;
  readonly yAxis: AxisScale;
  readonly yUnit?: string;
  /** Wide enough for the longest y tick label (yAxisWidth): both layers start the plot area there. */
  readonly yAxisWidth: number;
}

export interface LiveSeriesLayerProps extends ChartLayerProps {
  /** The run being trained: redrawn on every update, and read out under the pointer. */
  readonly series: readonly ChartSeries[];
  /** Compared earlier runs, beneath it: their paths are only rebuilt when they or the axes change. */
  readonly earlier: readonly ChartSeries[];
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
  yAxisWidth,
  series,
  earlier,
  dotRadius,
}: LiveSeriesLayerProps) {
  const plot = useMemo(() => plotArea(width, height, yAxisWidth), [width, height, yAxisWidth]);
  const scales = useMemo(() => plotScales(plot, xAxis, yAxis), [plot, xAxis, yAxis]);
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
          <SeriesPaths chartId={chartId} series={earlier} scales={scales} dotRadius={dotRadius} />
          <SeriesPaths chartId={chartId} series={series} scales={scales} dotRadius={dotRadius} />
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
