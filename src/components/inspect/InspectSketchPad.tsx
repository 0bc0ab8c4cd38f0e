// A drawing pad on the Inspect place, so the layers, saliency and numbers follow the pen as the digit is drawn.
import { useState } from 'react';
import { preprocessStrokes } from '../../data/preprocess/preprocess-strokes';
import type { Stroke } from '../../data/preprocess/strokes';
import { clearPrediction, requestPrediction } from '../../state/prediction-actions';
import { DrawingPad } from '../draw/DrawingPad';
import { useFrameThrottle } from '../draw/useFrameThrottle';

export function InspectSketchPad() {
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [pen, setPen] = useState<number | undefined>(undefined);
  // Same path as the Draw place: strokes → MNIST-form 28x28 → the worker, at most once per frame.
  const send = useFrameThrottle<readonly Stroke[]>((latest) => {
    const result = preprocessStrokes(latest, { padPenDiameter: pen });
    if (result) requestPrediction(result.input);
    else clearPrediction();
  });
  const change = (next: readonly Stroke[]) => {
    setStrokes(next);
    send(next);
  };
  return (
    <div className="sketch" data-testid="inspect-sketch">
      <DrawingPad strokes={strokes} onStrokesChange={change} onPenDiameter={setPen} />
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={strokes.length === 0}
        onClick={() => change([])}
      >
        Clear
      </button>
    </div>
  );
}
