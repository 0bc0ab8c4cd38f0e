// Colour scales for the inspector, chosen to stay readable with the common kinds of colour blindness.

export type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu (reversed): blue for negative, near-white for zero, red-orange for positive. */
const DIVERGING: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [247, 247, 247],
  [239, 138, 98],
  [178, 24, 43],
];

/** ColorBrewer YlGnBu: pale for a quiet unit, deep blue for a strongly firing one. */
const SEQUENTIAL: readonly Rgb[] = [
  [255, 255, 217],
  [199, 233, 180],
  [65, 182, 196],
  [34, 94, 168],
  [8, 29, 88],
];

function interpolate(stops: readonly Rgb[], t: number): Rgb {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const f = position - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** `value` in [−1, 1]; zero maps to the middle (near-white). */
export function divergingColour(value: number): Rgb {
  return interpolate(DIVERGING, (value + 1) / 2);
}

/** `value` in [0, 1]. */
export function sequentialColour(value: number): Rgb {
  return interpolate(SEQUENTIAL, value);
}

export function cssColour([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** WCAG 2 relative luminance of an sRGB colour (0 for black, 1 for white). */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white text, whichever contrasts more with the fill. Pure black, not the page's near-black, because
 * only the pair black/white keeps every fill at 4.5:1 or more (WCAG AA for small text); near-black leaves
 * mid-tone fills such as the mistakes' orange near 4:1.
 */
export function textColourOn(fill: Rgb): string {
  const luminance = relativeLuminance(fill);
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** CSS gradient for a legend bar of a scale. */
export function legendGradient(kind: 'diverging' | 'sequential'): string {
  const stops = kind === 'diverging' ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${stops.map((s) => cssColour(s)).join(', ')})`;
}

/** Largest absolute value, never 0, so a scale can divide by it. */
export function maxAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  let max = 0;
  for (let i = start; i < end; i++) {
    const v = Math.abs(values[i]);
    if (v > max) max = v;
  }
  return max === 0 ? 1 : max;
}
