// Index of the largest value in a row (the predicted class); the first one wins a tie.

export function argmax(values: Float32Array, offset: number, length: number): number {
  let best = 0;
  let bestValue = values[offset];
  for (let i = 1; i < length; i++) {
    if (values[offset + i] > bestValue) {
      bestValue = values[offset + i];
      best = i;
    }
  }
  return best;
}
