// Open a model file (.dlm or .npz) by file picker or by dropping it; a refused file gets the precise reason.
import { useRef, useState, type DragEvent } from 'react';
import { importModelFromFile } from '../../state/models-actions';
import { useStore } from '../../state/store';

export function ModelImport() {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = useStore((s) => s.modelsBusy);
  const error = useStore((s) => s.modelFileError);

  const open = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void importModelFromFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    open(event.dataTransfer.files);
  };

  return (
    <div className="model-import">
      <div
        className={`model-import__zone${dragging ? ' model-import__zone--over' : ''}`}
        data-testid="model-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          Drop a <code>.dlm</code> or NumPy <code>.npz</code> file here, or
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          Choose a model file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".dlm,.npz"
          hidden
          aria-label="Model file to open"
          data-testid="model-file-input"
          onChange={(event) => {
            open(event.currentTarget.files);
            // Choosing the same file again after fixing it must fire a change.
            event.currentTarget.value = '';
          }}
        />
        <p className="model-import__hint">
          An <code>.npz</code> needs arrays <code>W0</code>, <code>b0</code>, <code>W1</code>, <code>b1</code>
          , … of shape (units, inputs) and (units, 1), float32 or float64, chaining 784 → … → 10.
        </p>
      </div>
      {error && (
        <p className="models-message models-message--error" role="alert" data-testid="model-file-error">
          {/[.!?]$/.test(error) ? error : `${error}.`} The current model is unchanged.
        </p>
      )}
    </div>
  );
}
