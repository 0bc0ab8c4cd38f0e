// The legend of a chart as plain HTML beside the SVG: drawn once per set of series, not on every redraw.
import { memo } from 'react';
import './chart-legend.css';

export interface LegendEntry {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly dots: boolean;
}

function ChartLegendView({ entries }: { readonly entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((entry) => (
        <li key={entry.key}>
          <svg width="18" height="10" aria-hidden="true">
            <line
              x1="1"
              x2="17"
              y1="5"
              y2="5"
              stroke={entry.color}
              strokeWidth="2"
              strokeDasharray={entry.dashed ? '4 2' : undefined}
            />
            {entry.dots && (
              <circle cx="9" cy="5" r="2.5" fill="#fff" stroke={entry.color} strokeWidth="1.5" />
            )}
          </svg>
          {/* The swatch carries the series colour; the name stays in the text colour, since light series
              colours (orange, yellow, green) fall under 4.5:1 as 12 px text on white. */}
          <span>{entry.name}</span>
        </li>
      ))}
    </ul>
  );
}

export const ChartLegend = memo(ChartLegendView);
