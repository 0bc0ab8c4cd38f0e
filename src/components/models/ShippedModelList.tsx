// The networks that come with the app, ready to compare with each other and with saved runs (downloaded when ticked).
import { useShallow } from 'zustand/react/shallow';
import { downloadShippedModel, toggleShippedComparison } from '../../state/comparison-actions';
import { shippedComparisonId } from '../../state/compared-model';
import { SHIPPED_MODELS, type ShippedModel } from '../../state/shipped-models';
import { useStore } from '../../state/store';
import { formatCount } from '../ui/format';
import { accuracyText } from './model-format';
import { SmallButton } from './SmallButton';

/** What each shipped network is for, before its file is downloaded. */
const LESSON: Readonly<Record<ShippedModel['id'], string>> = {
  reference: 'The reference dense network: every pixel wired to every unit.',
  convolutional: 'A convolutional network: small filters slid over the image, then pooled.',
};

function ShippedModelItem({ model }: { readonly model: ShippedModel }) {
  const key = shippedComparisonId(model.id);
  const { compared, file } = useStore(
    useShallow((s) => ({ compared: s.comparedModelIds.includes(key), file: s.comparisonFiles[key] })),
  );
  return (
    <li className="saved-model" aria-label={model.label}>
      <div className="saved-model__head">
        <h3 className="saved-model__name">{model.label}</h3>
        <label className="saved-model__compare">
          <input type="checkbox" checked={compared} onChange={() => toggleShippedComparison(model.id)} />
          Compare
        </label>
      </div>
      <p className="shipped-model__lesson">{LESSON[model.id]}</p>
      {file?.status === 'loading' && (
        <p className="shipped-model__status" role="status">
          Downloading…
        </p>
      )}
      {file?.status === 'ready' && (
        <p className="shipped-model__status">
          {file.model.architecture} · {formatCount(file.model.parameterCount)} parameters · test accuracy{' '}
          {accuracyText(file.model.testAccuracy)}
        </p>
      )}
      {file?.status === 'failed' && (
        <div className="shipped-model__error">
          <p className="models-message models-message--error" role="alert" data-testid="shipped-model-error">
            {file.error} Nothing else changed.
          </p>
          <SmallButton onClick={() => void downloadShippedModel(model.id)}>Try again</SmallButton>
        </div>
      )}
    </li>
  );
}

export function ShippedModelList() {
  return (
    <section className="card models-shipped" aria-labelledby="models-shipped-title">
      <h2 id="models-shipped-title" className="card__title">
        Shipped with the app
      </h2>
      <p className="card__lead">
        Tick both to see what convolution buys: fewer parameters, higher accuracy, in fewer epochs.
      </p>
      <ul className="saved-models" data-testid="shipped-models">
        {SHIPPED_MODELS.map((model) => (
          <ShippedModelItem key={model.id} model={model} />
        ))}
      </ul>
    </section>
  );
}
