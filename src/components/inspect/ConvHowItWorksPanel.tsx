// The "How it works" section for a CNN, wired to the inspected digit and the model's weights.
import { useShallow } from 'zustand/react/shallow';
import { setLossLabel } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { sameModel } from './conv-model-view';
import { ConvHowItWorks } from './ConvHowItWorks';

export function ConvHowItWorksPanel() {
  const { inspected, modelWeights } = useStore(
    useShallow((s) => ({ inspected: s.inspected, modelWeights: s.modelWeights })),
  );
  const e = inspected?.explanation ?? null;
  const weights = e && sameModel(modelWeights, e.layerShapes) ? modelWeights : null;
  return (
    <section className="card inspect-card" aria-labelledby="inspect-how-title">
      <h2 id="inspect-how-title" className="card__title">
        How it works
      </h2>
      <p className="card__lead">
        What a convolutional network adds to a dense one, formula by formula, each beside its numbers for the
        digit above. Change the true label to see the filter's gradient respond.
      </p>
      {inspected && e && weights ? (
        <ConvHowItWorks
          explanation={e}
          input={inspected.input}
          weights={weights}
          onTrueLabelChange={(label) => void setLossLabel(label)}
        />
      ) : (
        <p className="muted">The numbers appear once there is a digit to inspect.</p>
      )}
    </section>
  );
}
