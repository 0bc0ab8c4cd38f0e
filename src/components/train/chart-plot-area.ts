// Where a chart's plot area lies in its box: recharts' static layer and the live SVG layer must agree to the pixel.

export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 0 } as const;
/** Room reserved for the axes; recharts puts the plot area inside the margin minus these. */
export const X_AXIS_HEIGHT = 30;
export const Y_AXIS_WIDTH = 40;

export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The plot area recharts computes for a LineChart of this size with our margin and axis sizes. */
export function plotArea(chartWidth: number, chartHeight: number): PlotArea {
  const left = CHART_MARGIN.left + Y_AXIS_WIDTH;
  const top = CHART_MARGIN.top;
  return {
    left,
    top,
    width: Math.max(0, chartWidth - left - CHART_MARGIN.right),
    height: Math.max(0, chartHeight - top - CHART_MARGIN.bottom - X_AXIS_HEIGHT),
  };
}
