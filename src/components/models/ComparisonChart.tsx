// One chart of the compared models' curves over epochs, drawn by recharts, with labelled axes and a legend.
import { useId } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { niceAxis } from '../train/chart-axes';
import { yAxisWidth } from '../train/chart-plot-area';
import { ChartLegend } from '../train/ChartLegend';
import { useElementWidth } from '../train/useElementWidth';
import type { CompareSeries } from './comparison-series';
import { decadeAxis } from './decade-axis';

export interface ComparisonChartProps {
  readonly title: string;
  /** The y axis' label, e.g. "Test accuracy (%)". */
  readonly yLabel: string;
  readonly series: readonly CompareSeries[];
  /** Fixed ends of a linear y axis; 'auto' follows the data (widened to a whole tick step). */
  readonly yDomain?: readonly [number | 'auto', number | 'auto'];
  /**
   * 'log' spans whole powers of ten: a run's first losses (2.3 at the start) and a good model's last (0.02) stay
   * readable on one chart; yDomain is not used.
   */
  readonly yScale?: 'linear' | 'log';
  /** What the chart shows, in words (read out instead of the drawing). */
  readonly description: string;
  /** Fixed width (tests, where nothing has a layout); otherwise the chart fills its box. */
  readonly width?: number;
  readonly height?: number;
}

const AUTO_DOMAIN = ['auto', 'auto'] as const;
const FONT_SIZE = 12;
const TICK_INTERVALS = 4;
const GRID_STROKE = '#e6e8ec';
const AXIS_TEXT = '#4b5563';
/** Room under the x ticks for the axis' label, and left of the y ticks for the rotated one. */
const X_AXIS_HEIGHT = 42;
const Y_LABEL_ROOM = 22;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 } as const;

function extent(series: readonly CompareSeries[], positiveOnly: boolean) {
  let maxEpoch = 0;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (positiveOnly && !(p.value > 0)) continue;
      maxEpoch = Math.max(maxEpoch, p.epoch);
      minY = Math.min(minY, p.value);
      maxY = Math.max(maxY, p.value);
    }
  }
  return minY === Infinity ? null : { maxEpoch, minY, maxY };
}

/** Tick labels without float noise: 0.1, not 0.30000000000000004. */
function tickText(value: number): string {
  return String(Number(value.toPrecision(6)));
}

export function ComparisonChart({
  title,
  yLabel,
  series,
  yDomain = AUTO_DOMAIN,
  yScale = 'linear',
  description,
  width,
  height = 240,
}: ComparisonChartProps) {
  const [boxRef, measuredWidth] = useElementWidth<HTMLDivElement>(width ?? 320);
  const descriptionId = useId();
  const log = yScale === 'log';
  const range = extent(series, log);
  if (!range) return null;
  const xAxis = niceAxis(0, Math.max(1, range.maxEpoch), TICK_INTERVALS);
  const [yMin, yMax] = yDomain;
  const yAxis = log
    ? decadeAxis(range.minY, range.maxY)
    : niceAxis(yMin === 'auto' ? range.minY : yMin, yMax === 'auto' ? range.maxY : yMax, TICK_INTERVALS);
  const axisWidth = yAxisWidth(yAxis.ticks.map(tickText), FONT_SIZE) + Y_LABEL_ROOM;
  const legend = series.map(({ key, name, color, dashed, dots }) => ({ key, name, color, dashed, dots }));
  return (
    <figure
      className="compare-chart"
      aria-label={title}
      aria-describedby={descriptionId}
      data-testid={`compare-chart-${title.toLowerCase().replace(/\s+/g, '-')}`}
    >
      <figcaption className="compare-chart__title">{title}</figcaption>
      <p id={descriptionId} className="visually-hidden">
        {description}
      </p>
      {/* The drawing is described above and tabulated below the charts; screen readers skip the SVG. */}
      <div ref={boxRef} className="compare-chart__plot" aria-hidden="true">
        <LineChart width={width ?? measuredWidth} height={height} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            type="number"
            dataKey="epoch"
            domain={[xAxis.domain[0], xAxis.domain[1]]}
            ticks={[...xAxis.ticks]}
            interval={0}
            allowDataOverflow
            height={X_AXIS_HEIGHT}
            tickFormatter={tickText}
            fontSize={FONT_SIZE}
            tick={{ fill: AXIS_TEXT }}
            label={{
              value: 'Epoch',
              position: 'insideBottom',
              offset: 2,
              fill: AXIS_TEXT,
              fontSize: FONT_SIZE,
            }}
          />
          <YAxis
            type="number"
            dataKey="value"
            scale={log ? 'log' : 'auto'}
            domain={[yAxis.domain[0], yAxis.domain[1]]}
            ticks={[...yAxis.ticks]}
            interval={0}
            allowDataOverflow
            width={axisWidth}
            tickFormatter={tickText}
            fontSize={FONT_SIZE}
            tick={{ fill: AXIS_TEXT }}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 8,
              style: { textAnchor: 'middle' },
              fill: AXIS_TEXT,
              fontSize: FONT_SIZE,
            }}
          />
          {series.map((s) => (
            <Line
              key={s.key}
              className="compare-chart__line"
              data={log ? s.points.filter((p) => p.value > 0) : [...s.points]}
              dataKey="value"
              name={s.name}
              type="linear"
              stroke={s.color}
              strokeWidth={s.dashed ? 1.5 : 2}
              strokeDasharray={s.dashed ? '5 4' : undefined}
              dot={
                s.dots ? { r: 2.5, fill: '#fff', stroke: s.color, strokeWidth: 1.5, clipDot: false } : false
              }
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <ChartLegend entries={legend} />
    </figure>
  );
}
