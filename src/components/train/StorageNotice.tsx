// A storage failure on the Train place too: checkpoints that cannot be saved must not go unnoticed while a
// run trains, since someone who closes the tab then loses the model they believe is saved.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';

export function StorageNotice() {
  const { storageError, dismiss } = useStore(
    useShallow((s) => ({ storageError: s.storageError, dismiss: s.dismissModelMessages })),
  );
  if (!storageError) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="train-storage-error">
      <p>
        {storageError} Until this is fixed, runs are not saved in this browser: before you close the tab,
        export the model from <a href="#/models">Models</a>.
      </p>
      <button type="button" className="button button--small button--secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
