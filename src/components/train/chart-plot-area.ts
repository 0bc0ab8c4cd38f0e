// Where a chart's plot area lies in its box: recharts' static layer and the live SVG layer must agree to the pixel.

export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 0 } as const;
/** Room reserved for the axes; recharts puts the plot area inside the margin minus these. */
export const X_AXIS_HEIGHT = 30;
/** The y axis is never narrower than this; longer tick labels widen it (yAxisWidth). */
export const Y_AXIS_WIDTH = 40;
/** recharts draws a y tick's label this far left of the axis line: the tick (6 px) and its margin (2 px). */
const Y_TICK_LABEL_OFFSET = 8;
/** Space between a label and the box's left edge, so even a label wider than estimated keeps its first digit. */
const Y_LABEL_PADDING = 4;

/**
 * Widths of tick characters in em, taken from the widest common sans-serif (DejaVu Sans, Chromium's fallback on
 * Linux): an estimate that errs wide, because recharts' labels are not measured (it would cost every redraw).
 */
const CHARACTER_EM: Readonly<Record<string, number>> = {
  '.': 0.32,
  ',': 0.32,
  '%': 0.96,
  '-': 0.84,
  k: 0.58,
};
const DEFAULT_CHARACTER_EM = 0.64;

/** How wide the y axis must be for its longest tick label (e.g. "92.5%") to fit inside the chart's box. */
export function yAxisWidth(labels: readonly string[], fontSize: number): number {
  let widest = 0;
  for (const label of labels) {
    let em = 0;
    for (const character of label) em += CHARACTER_EM[character] ?? DEFAULT_CHARACTER_EM;
    widest = Math.max(widest, em * fontSize);
  }
  return Math.max(Y_AXIS_WIDTH, Math.ceil(widest) + Y_TICK_LABEL_OFFSET + Y_LABEL_PADDING);
}

export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The plot area recharts computes for a LineChart of this size with our margin and axis sizes. */
export function plotArea(
  chartWidth: number,
  chartHeight: number,
  axisWidth: number = Y_AXIS_WIDTH,
): PlotArea {
  const left = CHART_MARGIN.left + axisWidth;
  const top = CHART_MARGIN.top;
  return {
    left,
    top,
    width: Math.max(0, chartWidth - left - CHART_MARGIN.right),
    height: Math.max(0, chartHeight - top - CHART_MARGIN.bottom - X_AXIS_HEIGHT),
  };
}
