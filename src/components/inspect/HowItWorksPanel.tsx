// The "How it works" section wired to the inspected digit and the training settings.
import { useShallow } from 'zustand/react/shallow';
import { setLossLabel } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { HowItWorks } from './HowItWorks';

export function HowItWorksPanel() {
  const { explanation, layerSizes, config } = useStore(
    useShallow((s) => ({
      explanation: s.inspected?.explanation ?? null,
      layerSizes: s.weights?.layerSizes ?? null,
      config: s.trainingConfig,
    })),
  );
  return (
    <section className="card inspect-card" aria-labelledby="inspect-how-title">
      <h2 id="inspect-how-title" className="card__title">
        How it works
      </h2>
      <p className="card__lead">
        The network's whole life in eight formulas, each beside its numbers for the digit above. Change the
        true label to see how the loss and the gradients respond.
      </p>
      {explanation && layerSizes ? (
        <HowItWorks
          numbers={explanation}
          layerSizes={layerSizes}
          learningRate={config.learningRate}
          momentum={config.beta1}
          onTrueLabelChange={(label) => void setLossLabel(label)}
        />
      ) : (
        <p className="muted">The numbers appear once there is a digit to inspect.</p>
      )}
    </section>
  );
}
