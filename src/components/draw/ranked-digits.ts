// The ten digits ordered from most to least likely: the answer first, then its closest alternatives.

export interface RankedDigit {
  readonly digit: number;
  readonly probability: number;
}

/** Most likely first; equal probabilities keep the smaller digit first, as the bars' highlight does. */
export function rankDigits(probabilities: ArrayLike<number>): RankedDigit[] {
  return Array.from(probabilities, (probability, digit) => ({ digit, probability })).sort(
    (a, b) => b.probability - a.probability || a.digit - b.digit,
  );
}
