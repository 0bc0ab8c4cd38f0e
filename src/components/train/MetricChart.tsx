// One live chart (loss or accuracy over samples seen): recharts draws the grid and axes, plain SVG the curves.
import { memo, useId } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import { niceAxis, sameAxis, type AxisScale } from './chart-axes';
import { formatSamples } from './chart-format';
import { CHART_MARGIN, X_AXIS_HEIGHT, yAxisWidth } from './chart-plot-area';
import type { ChartSeries } from './chart-series';
import { markerId } from './chart-svg-ids';
import { ChartLegend, type LegendEntry } from './ChartLegend';
import { LiveSeriesLayer, type ChartLayerProps } from './LiveSeriesLayer';
import { useElementWidth } from './useElementWidth';
import { useStableValue } from './useStableValue';

export interface MetricChartProps {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  /** Appended to the y ticks ("%"); the chart's title names the quantity. */
  readonly yUnit?: string;
  /** Fixed ends of the y axis; 'auto' follows the data (widened to a whole tick step). */
  readonly yDomain: [number | 'auto', number | 'auto'];
  /**
   * The x axis spans at least this many samples (an epoch): a first epoch fills the chart from left to right
   * instead of stepping the axis, and redrawing everything, on almost every update.
   */
  readonly minXSpan?: number;
  /** Fixed width (tests, where nothing has a layout); otherwise the chart fills its box's width. */
  readonly width?: number;
  readonly height?: number;
}

const TICK_INTERVALS = 4;
/** The sample axis may take two more ticks where that ends it nearer the run's end. */
const EXTRA_X_INTERVALS = 2;
const FONT_SIZE = 12;
const DOT_RADIUS = 2.5;
const GRID_STROKE = '#e6e8ec';

function legendEntry({ key, name, color, dashed, dots }: ChartSeries): LegendEntry {
  return { key, name, color, dashed, dots };
}

function sameLegend(a: readonly LegendEntry[], b: readonly LegendEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => {
      const f = b[i];
      return (
        e.key === f.key &&
        e.name === f.name &&
        e.color === f.color &&
        e.dashed === f.dashed &&
        e.dots === f.dots
      );
    })
  );
}

interface Extent {
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

function extentOf(series: readonly ChartSeries[]): Extent | null {
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (p.samplesSeen > maxX) maxX = p.samplesSeen;
      if (p.value < minY) minY = p.value;
      if (p.value > maxY) maxY = p.value;
    }
  }
  return maxX === -Infinity ? null : { maxX, minY, maxY };
}

/** Out of the layout: the SVG only holds definitions. */
const HIDDEN = { position: 'absolute' } as const;

/** The dot markers of a chart's dotted series (referenced by id from both layers' SVGs). */
const DotMarkers = memo(function DotMarkers({
  chartId,
  legend,
}: {
  readonly chartId: string;
  readonly legend: readonly LegendEntry[];
}) {
  const size = 2 * DOT_RADIUS + 2;
  return (
    <svg width="0" height="0" style={HIDDEN} aria-hidden="true">
      <defs>
        {legend
          .filter((entry) => entry.dots)
          .map((entry) => (
            <marker
              key={entry.key}
              id={markerId(chartId, entry.key)}
              viewBox={`0 0 ${size} ${size}`}
              refX={size / 2}
              refY={size / 2}
              markerWidth={size}
              markerHeight={size}
              markerUnits="userSpaceOnUse"
            >
              <circle
                cx={size / 2}
                cy={size / 2}
                r={DOT_RADIUS}
                fill="#fff"
                stroke={entry.color}
                strokeWidth={1.5}
              />
            </marker>
          ))}
      </defs>
    </svg>
  );
});

/** What a tick label uses of the props recharts gives either axis' ticks. */
type TickProps = Pick<XAxisTickContentProps, 'x' | 'y' | 'payload' | 'textAnchor' | 'fill' | 'className'>;

/**
 * A tick label as plain SVG text. recharts' own <Text> measures every label in the DOM to wrap it, on every
 * redraw of the static layer; these labels are short and never wrap. `dy` places the text as recharts does.
 */
function axisTick(format: (value: number) => string, dy: string) {
  return function AxisTick({ x, y, payload, textAnchor, fill, className }: TickProps) {
    return (
      <text x={x} y={y} textAnchor={textAnchor} fill={fill} fontSize={FONT_SIZE} className={className}>
        <tspan x={x} dy={dy}>
          {format(Number(payload.value))}
        </tspan>
      </text>
    );
  };
}

const X_TICK = axisTick(formatSamples, '0.71em');
function yTickLabel(value: number, unit: string): string {
  return `${value}${unit}`;
}
/** One function per unit, so the axis' settings stay the same object between redraws. */
const yTicks = new Map<string, ReturnType<typeof axisTick>>();
function yTick(unit: string) {
  let tick = yTicks.get(unit);
  if (!tick) {
    tick = axisTick((value) => yTickLabel(value, unit), '0.355em');
    yTicks.set(unit, tick);
  }
  return tick;
}

/** The axis settings of the static layer; the live layer maps the same domains onto the same plot area. */
function xAxisProps(xAxis: AxisScale) {
  return {
    type: 'number' as const,
    dataKey: 'samplesSeen',
    domain: xAxis.domain as [number, number],
    ticks: xAxis.ticks as number[],
    interval: 0,
    allowDataOverflow: true,
    niceTicks: 'none' as const,
    height: X_AXIS_HEIGHT,
  };
}

function yAxisProps(yAxis: AxisScale, width: number) {
  return {
    domain: yAxis.domain as [number, number],
    ticks: yAxis.ticks as number[],
    interval: 0,
    allowDataOverflow: true,
    niceTicks: 'none' as const,
    width,
  };
}

/**
 * Grid and axes: redrawn only when an axis steps. Earlier runs are drawn with the live one in plain SVG: recharts
 * drawing a long compared run made the task that reports a new run's start last over 50 ms.
 */
const StaticLayer = memo(function StaticLayer({
  width,
  height,
  xAxis,
  yAxis,
  yUnit,
  yAxisWidth: axisWidth,
}: Omit<ChartLayerProps, 'chartId'>) {
  return (
    <LineChart width={width} height={height} margin={CHART_MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke={GRID_STROKE} />
      <XAxis {...xAxisProps(xAxis)} tick={X_TICK} fontSize={FONT_SIZE} />
      <YAxis {...yAxisProps(yAxis, axisWidth)} tick={yTick(yUnit ?? '')} fontSize={FONT_SIZE} />
    </LineChart>
  );
});

function MetricChartView({
  title,
  series,
  yUnit,
  yDomain,
  minXSpan = 1,
  width,
  height = 240,
}: MetricChartProps) {
  const [boxRef, measuredWidth] = useElementWidth<HTMLDivElement>(width ?? 320);
  const chartId = useId();
  const extent = extentOf(series);
  // Axes change in whole tick steps, so most redraws move only the live lines, and recharts never measures tick text.
  const xAxis = useStableValue(
    niceAxis(0, Math.max(extent?.maxX ?? 0, minXSpan), TICK_INTERVALS, EXTRA_X_INTERVALS),
    sameAxis,
  );
  const [yMin, yMax] = yDomain;
  const yAxis = useStableValue(
    niceAxis(
      yMin === 'auto' ? (extent?.minY ?? 0) : yMin,
      yMax === 'auto' ? (extent?.maxY ?? 1) : yMax,
      TICK_INTERVALS,
    ),
    sameAxis,
  );
  const live = series.filter((s) => s.live);
  const earlier = useStableValue(
    series.filter((s) => !s.live),
    (a, b) => a.length === b.length && a.every((s, i) => s === b[i]),
  );
  const legend = useStableValue(series.map(legendEntry), sameLegend);
  // Sized to the labels: a fixed 40 px cut "92.5%" down to "2.5%".
  const axisWidth = yAxisWidth(
    yAxis.ticks.map((tick) => yTickLabel(tick, yUnit ?? '')),
    FONT_SIZE,
  );
  const layer = {
    chartId,
    width: width ?? measuredWidth,
    height,
    xAxis,
    yAxis,
    yUnit,
    yAxisWidth: axisWidth,
  };
  return (
    <figure className="metric-chart" aria-label={title} data-testid={`chart-${title.toLowerCase()}`}>
      <figcaption className="metric-chart__title">{title}</figcaption>
      {!extent && <p className="metric-chart__empty">No points yet: start training to draw the curves.</p>}
      <div ref={boxRef} className="metric-chart__plot" style={{ height }}>
        <StaticLayer {...layer} />
        <div className="metric-chart__live">
          <LiveSeriesLayer {...layer} series={live} earlier={earlier} dotRadius={DOT_RADIUS} />
        </div>
      </div>
      <ChartLegend entries={legend} />
      <DotMarkers chartId={chartId} legend={legend} />
    </figure>
  );
}

/** Redrawn only when its own series change. */
export const MetricChart = memo(MetricChartView);
