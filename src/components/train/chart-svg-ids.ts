// Ids a chart's SVGs reference with `url(#…)`, shared by the static and the live layer.

/** React's useId() ids carry characters a URL reference may not. */
function safe(chartId: string): string {
  return chartId.replace(/[^a-zA-Z0-9_-]/g, '');
}

/** The dot marker of one dotted series. */
export function markerId(chartId: string, seriesKey: string): string {
  return `dot-${safe(chartId)}-${seriesKey}`;
}

/** The live layer's clip to the plot area. */
export function liveClipId(chartId: string): string {
  return `live-clip-${safe(chartId)}`;
}
