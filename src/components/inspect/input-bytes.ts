// A network input (784 values in [0, 1]) as image bytes, and scrolling back to the digit after opening one.

export function inputToBytes(input: Float32Array): Uint8Array {
  return Uint8Array.from(input, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

/** Brings the inspected digit into view after a digit was opened from further down the page. */
export function scrollToDigit(): void {
  document.getElementById('inspect-digit')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
