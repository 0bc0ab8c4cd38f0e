// The model the page predicts with right now: what it is, exporting it as .dlm or .npz, and opening another.
import { useShallow } from 'zustand/react/shallow';
import { modelChoiceLabel } from '../../state/model-choice';
import { exportCurrentModel } from '../../state/models-actions';
import { useStore } from '../../state/store';
import { downloadFile } from './download-file';
import { accuracyText } from './model-format';
import { ModelImport } from './ModelImport';

export function CurrentModelCard() {
  const { modelSlot, shippedModelId, liveModelAvailable, openModel, latestTestAccuracy, trainingStatus } =
    useStore(
      useShallow((s) => ({
        modelSlot: s.modelSlot,
        shippedModelId: s.shippedModelId,
        liveModelAvailable: s.liveModelAvailable,
        openModel: s.savedModels.find((m) => m.id === s.openModelId) ?? null,
        latestTestAccuracy: s.latestTestAccuracy,
        trainingStatus: s.trainingStatus,
      })),
    );
  const usingLive = modelSlot === 'live' && liveModelAvailable;
  const title = usingLive
    ? (openModel?.name ?? 'The network trained in this session')
    : `${modelChoiceLabel(shippedModelId)}, shipped with the app`;
  const exportAs = (format: 'dlm' | 'npz') => {
    exportCurrentModel(format).then(downloadFile, (error: unknown) =>
      useStore.setState({
        storageError: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  };
  return (
    <section className="card models-current" aria-labelledby="models-current-title">
      <h2 id="models-current-title" className="card__title">
        Current model
      </h2>
      <p className="card__lead" data-testid="current-model-name">
        {title}
        {usingLive && latestTestAccuracy !== null && ` · test accuracy ${accuracyText(latestTestAccuracy)}`}
        {usingLive && trainingStatus === 'running' && ' · training'}
      </p>
      <div className="models-current__actions">
        <button type="button" className="button" onClick={() => exportAs('dlm')}>
          Download .dlm
        </button>
        <button type="button" className="button button--secondary" onClick={() => exportAs('npz')}>
          Download .npz (NumPy)
        </button>
      </div>
      <p className="models-current__note">
        <code>.dlm</code> is Digit Lab&apos;s own file (weights, settings, results and training curves).{' '}
        <code>.npz</code> opens with <code>numpy.load</code>: <code>W0</code>, <code>b0</code>, … and{' '}
        <code>layer_sizes</code>.
      </p>
      <ModelImport />
    </section>
  );
}
