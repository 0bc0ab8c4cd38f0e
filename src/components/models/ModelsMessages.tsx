// Storage failures and confirmations for the Models place, with a way to dismiss them.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';

export function ModelsMessages() {
  const { storageError, notice, dismiss } = useStore(
    useShallow((s) => ({
      storageError: s.storageError,
      notice: s.modelsNotice,
      dismiss: s.dismissModelMessages,
    })),
  );
  if (!storageError && !notice) return null;
  return (
    <div className="models-messages">
      {storageError && (
        <p className="models-message models-message--error" role="alert" data-testid="storage-error">
          {storageError}
        </p>
      )}
      {notice && (
        <p className="models-message" role="status" data-testid="models-notice">
          {notice}
        </p>
      )}
      <button type="button" className="button button--small button--secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
