// The training speed a text shows (the engine badge, the progress line): its "N samples/s".

/** The number before "samples/s" (thousands separators allowed), or NaN when there is none yet. */
export function samplesPerSecond(text: string): number {
  const match = /([\d,]+) samples\/s/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : Number.NaN;
}
