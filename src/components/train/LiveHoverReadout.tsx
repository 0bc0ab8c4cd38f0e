// What the pointer is over in a live chart: each live series' nearest point, marked and written in a small box.
// Mouse-only: keyboard and screen-reader users read the same numbers in the progress panel.
import type { PlotArea } from './chart-plot-area';
import type { ChartSeries } from './chart-series';
import { formatMetric, formatSamples } from './chart-format';
import { nearestByX, type LinearScale } from './series-path';

export interface LiveHoverReadoutProps {
  /** The pointer's x in the chart's pixels, inside the plot area. */
  readonly pointerX: number;
  readonly chartWidth: number;
  readonly plot: PlotArea;
  readonly scales: { readonly x: LinearScale; readonly y: LinearScale };
  readonly series: readonly ChartSeries[];
  readonly yUnit: string;
  readonly dotRadius: number;
}

/** Room between the pointer and the box, and between the box and the chart's edge. */
const GAP_PX = 12;
const EDGE_PX = 4;

export function LiveHoverReadout({
  pointerX,
  chartWidth,
  plot,
  scales,
  series,
  yUnit,
  dotRadius,
}: LiveHoverReadoutProps) {
  const samples = scales.x.invert(pointerX);
  const nearest = series.flatMap((s) => {
    const point = nearestByX(s.points, samples);
    return point ? [{ series: s, point }] : [];
  });
  if (nearest.length === 0) return null;
  // On the right half the box opens to the left of the pointer; either way it wraps rather than leave the chart.
  const opensLeft = pointerX > plot.left + plot.width / 2;
  const top = plot.top + 4;
  const boxStyle = opensLeft
    ? { right: chartWidth - pointerX + GAP_PX, top, maxWidth: pointerX - GAP_PX - EDGE_PX }
    : { left: pointerX + GAP_PX, top, maxWidth: chartWidth - pointerX - GAP_PX - EDGE_PX };
  return (
    <>
      <svg className="live-hover__marks" aria-hidden="true">
        <line
          x1={pointerX}
          x2={pointerX}
          y1={plot.top}
          y2={plot.top + plot.height}
          stroke="#9aa3ad"
          strokeDasharray="3 3"
        />
        {nearest.map(({ series: s, point }) => (
          <circle
            key={s.key}
            cx={scales.x.at(point.samplesSeen)}
            cy={scales.y.at(point.value)}
            r={dotRadius + 1.5}
            fill={s.color}
            stroke="#fff"
            strokeWidth={1.5}
          />
        ))}
      </svg>
      <div className="live-hover__box" style={boxStyle} aria-hidden="true" data-testid="live-hover-readout">
        {nearest.map(({ series: s, point }) => (
          <div key={s.key} className="live-hover__row">
            <span className="live-hover__swatch" style={{ background: s.color }} />
            {formatSamples(point.samplesSeen)} samples · {s.name}: {formatMetric(point.value, yUnit)}
          </div>
        ))}
      </div>
    </>
  );
}
