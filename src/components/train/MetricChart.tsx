// One live chart (loss or accuracy over samples seen): recharts with animation off, fed prepared series.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSeries } from './chart-series';

export interface MetricChartProps {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  /** Appended to the y ticks ("%"); the chart's title names the quantity. */
  readonly yUnit?: string;
  readonly yDomain: [number | 'auto', number | 'auto'];
  /** Fixed size (tests, where nothing has a layout); otherwise the chart fills its box's width. */
  readonly width?: number;
  readonly height?: number;
}

function formatSamples(samples: number): string {
  if (samples >= 1_000_000) return `${(samples / 1_000_000).toFixed(1)}M`;
  if (samples >= 1_000) return `${Math.round(samples / 1_000)}k`;
  return String(samples);
}

function formatValue(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(3) : String(value);
}

function MetricChartView({ title, series, yUnit, yDomain, width, height = 240 }: MetricChartProps) {
  const hasPoints = series.some((s) => s.points.length > 0);
  const chart = (
    <LineChart
      width={width}
      height={width === undefined ? undefined : height}
      margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
    >
      <CartesianGrid stroke="#e6e8ec" />
      <XAxis
        type="number"
        dataKey="samplesSeen"
        domain={[0, 'dataMax']}
        tickFormatter={formatSamples}
        allowDuplicatedCategory={false}
        fontSize={12}
      />
      <YAxis domain={yDomain} width={40} fontSize={12} unit={yUnit} />
      <Tooltip
        formatter={formatValue}
        labelFormatter={(samples) => `${formatSamples(Number(samples))} samples`}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {series.map((s) => (
        <Line
          key={s.key}
          data={s.points as ChartSeries['points'][number][]}
          dataKey="value"
          name={s.name}
          stroke={s.color}
          strokeWidth={s.dashed ? 1.5 : 2}
          strokeDasharray={s.dashed ? '5 4' : undefined}
          dot={s.dots ? { r: 2.5 } : false}
          isAnimationActive={false}
          connectNulls
        />
      ))}
    </LineChart>
  );
  return (
    <figure className="metric-chart" aria-label={title} data-testid={`chart-${title.toLowerCase()}`}>
      <figcaption className="metric-chart__title">{title}</figcaption>
      {!hasPoints && <p className="metric-chart__empty">No points yet: start training to draw the curves.</p>}
      {width === undefined ? (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          {chart}
        </ResponsiveContainer>
      ) : (
        chart
      )}
    </figure>
  );
}

/** Redrawn only when its own series change. */
export const MetricChart = memo(MetricChartView);
