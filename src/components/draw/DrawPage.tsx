// The Draw place: the workbench wired to the store (the worker runs the network; this page only sends inputs and shows answers).
import { useCallback } from 'react';
import { modelChoiceLabel, modelChoiceShortLabel } from '../../state/model-choice';
import { chooseModel, clearPrediction, requestPrediction } from '../../state/prediction-actions';
import { selectModelChoice } from '../../state/prediction-slice';
import { shippedModel } from '../../state/shipped-models';
import { useStore } from '../../state/store';
import { PlaceHeading } from '../ui/PlaceHeading';
import { DrawWorkbench } from './DrawWorkbench';

export function DrawPage() {
  const probabilities = useStore((s) => s.prediction?.probabilities ?? null);
  const answeredBy = useStore((s) => s.prediction?.answeredBy ?? null);
  const model = useStore(selectModelChoice);
  const modelNotice = useStore((s) => s.modelNotice);
  const liveModelAvailable = useStore((s) => s.liveModelAvailable);
  const defaultModelStatus = useStore((s) => s.defaultModelStatus);
  const predictionError = useStore((s) => s.predictionError);

  const sendInput = useCallback((input: Float32Array | null) => {
    if (input) requestPrediction(input);
    else clearPrediction();
  }, []);

  const modelStatus =
    predictionError ??
    (model !== 'live' && defaultModelStatus === 'loading'
      ? `Loading the ${shippedModel(model).label} network…`
      : null);

  return (
    <section className="place" aria-labelledby="draw-title">
      <PlaceHeading place="draw" />
      <DrawWorkbench
        probabilities={probabilities}
        onInput={sendInput}
        model={model}
        answeredBy={answeredBy && modelChoiceLabel(answeredBy)}
        answeredByShort={answeredBy && modelChoiceShortLabel(answeredBy)}
        liveModelAvailable={liveModelAvailable}
        onModelChange={chooseModel}
        modelNotice={modelNotice}
        modelStatus={modelStatus}
      />
    </section>
  );
}
