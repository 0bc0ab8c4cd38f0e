// Every model saved in this browser, newest first, or why there are none.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { SavedModelItem } from './SavedModelItem';

export function SavedModelList() {
  const { models, status, openModelId, comparedIds } = useStore(
    useShallow((s) => ({
      models: s.savedModels,
      status: s.modelsStatus,
      openModelId: s.openModelId,
      comparedIds: s.comparedModelIds,
    })),
  );
  return (
    <section className="card models-saved" aria-labelledby="models-saved-title">
      <h2 id="models-saved-title" className="card__title">
        Saved in this browser
      </h2>
      <p className="card__lead">
        Every training run is saved after each epoch and when it stops or finishes; imported files are saved
        too.
      </p>
      {status === 'loading' && <p>Reading saved models…</p>}
      {status === 'unavailable' && (
        <p>This browser does not let Digit Lab save models here. Download them to keep them.</p>
      )}
      {status === 'ready' && models.length === 0 && (
        <p data-testid="no-saved-models">
          No saved models yet: train one on the Train page, or open a file above.
        </p>
      )}
      {models.length > 0 && (
        <ul className="saved-models" data-testid="saved-models">
          {models.map((model) => (
            <SavedModelItem
              key={model.id}
              model={model}
              isOpen={model.id === openModelId}
              compared={comparedIds.includes(model.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
