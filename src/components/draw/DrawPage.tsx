// The Draw place: the workbench wired to the store (the worker runs the network; this page only sends inputs and shows answers).
import { useCallback } from 'react';
import { clearPrediction, requestPrediction } from '../../state/prediction-actions';
import { useStore } from '../../state/store';
import { PlaceHeading } from '../ui/PlaceHeading';
import { DrawWorkbench } from './DrawWorkbench';

export function DrawPage() {
  const probabilities = useStore((s) => s.prediction?.probabilities ?? null);
  const modelSlot = useStore((s) => s.modelSlot);
  const setModelSlot = useStore((s) => s.setModelSlot);
  const liveModelAvailable = useStore((s) => s.liveModelAvailable);
  const defaultModelStatus = useStore((s) => s.defaultModelStatus);
  const predictionError = useStore((s) => s.predictionError);

  const sendInput = useCallback((input: Float32Array | null) => {
    if (input) requestPrediction(input);
    else clearPrediction();
  }, []);

  const modelStatus =
    predictionError ??
    (modelSlot === 'default' && defaultModelStatus === 'loading' ? 'Loading the default model…' : null);

  return (
    <section className="place" aria-labelledby="draw-title">
      <PlaceHeading place="draw" />
      <DrawWorkbench
        probabilities={probabilities}
        onInput={sendInput}
        model={modelSlot}
        liveModelAvailable={liveModelAvailable}
        onModelChange={setModelSlot}
        modelStatus={modelStatus}
      />
    </section>
  );
}
