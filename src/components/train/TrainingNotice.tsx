// What happened to the run, in words: divergence (with a smaller learning rate to try), the end, a worker failure.
import { useShallow } from 'zustand/react/shallow';
import { restartWorker } from '../../state/training-actions';
import { useStore } from '../../state/store';

export function TrainingNotice() {
  const { notice, workerError, dismiss } = useStore(
    useShallow((s) => ({
      notice: s.trainingNotice,
      workerError: s.workerError,
      dismiss: s.dismissTrainingNotice,
    })),
  );
  if (workerError) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{workerError}</p>
        <p>
          Your charts are kept. A fresh worker reloads the digits (from the cache) and starts with no trained
          model.
        </p>
        <button type="button" className="button" onClick={() => void restartWorker()}>
          Restart worker
        </button>
      </div>
    );
  }
  if (!notice) return null;
  return (
    <div
      className={notice.kind === 'finished' ? 'notice notice--ok' : 'notice notice--error'}
      role={notice.kind === 'finished' ? 'status' : 'alert'}
      data-testid="training-notice"
    >
      <p>{notice.text}</p>
      <button type="button" className="button button--small button--secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
