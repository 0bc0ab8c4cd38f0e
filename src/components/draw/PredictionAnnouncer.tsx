// The polite live region that tells screen-reader users what the network read ("Predicted 7, 98%"), once per finished stroke.
import { useState } from 'react';

export interface PredictionAnnouncerProps {
  readonly digit: number | null;
  readonly probability: number;
  /** While a stroke is in progress the text holds still, so a screen reader is not flooded every frame. */
  readonly holding: boolean;
}

export function announcement(digit: number | null, probability: number): string {
  return digit === null ? 'No digit drawn' : `Predicted ${digit}, ${Math.round(probability * 100)}%`;
}

export function PredictionAnnouncer({ digit, probability, holding }: PredictionAnnouncerProps) {
  const current = announcement(digit, probability);
  const [spoken, setSpoken] = useState(current);
  // Adjusting state during render (React's documented pattern) rather than in an effect: no extra paint.
  if (!holding && spoken !== current) setSpoken(current);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {spoken}
    </p>
  );
}
