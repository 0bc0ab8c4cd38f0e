// One saved model in the list: its facts, and open, rename, delete, compare and download.
import { useState, type FormEvent } from 'react';
import {
  deleteSavedModel,
  exportSavedModel,
  openSavedModel,
  renameSavedModel,
} from '../../state/models-actions';
import type { SavedModelSummary } from '../../state/models-slice';
import { useStore } from '../../state/store';
import { trainingConfigHash } from '../../state/url-config';
import { downloadFile } from './download-file';
import { SmallButton } from './SmallButton';
import { accuracyText, architectureText, dateText, epochsText, STATUS_TEXT } from './model-format';

export interface SavedModelItemProps {
  readonly model: SavedModelSummary;
  readonly isOpen: boolean;
  readonly compared: boolean;
}

export function SavedModelItem({ model, isOpen, compared }: SavedModelItemProps) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [draftName, setDraftName] = useState(model.name);
  const busy = useStore((s) => s.modelsBusy);
  const toggleCompared = useStore((s) => s.toggleComparedModel);
  const titleId = `saved-model-${model.id}`;

  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    if (draftName.trim() === '') return;
    void renameSavedModel(model.id, draftName).then(() => setMode('view'));
  };
  const download = (format: 'dlm' | 'npz') => {
    void exportSavedModel(model.id, format).then((file) => file && downloadFile(file));
  };

  return (
    <li className={`saved-model${isOpen ? ' saved-model--open' : ''}`} aria-label={model.name}>
      <div className="saved-model__head">
        {mode === 'rename' ? (
          <form className="saved-model__rename" onSubmit={submitRename}>
            <label htmlFor={`${titleId}-name`} className="visually-hidden">
              New name
            </label>
            <input
              id={`${titleId}-name`}
              value={draftName}
              maxLength={120}
              autoFocus
              onChange={(event) => setDraftName(event.currentTarget.value)}
              onKeyDown={(event) => event.key === 'Escape' && setMode('view')}
            />
            <button type="submit" className="button button--small" disabled={draftName.trim() === ''}>
              Save name
            </button>
            <SmallButton onClick={() => setMode('view')}>Cancel</SmallButton>
          </form>
        ) : (
          <h3 id={titleId} className="saved-model__name">
            {model.name}
            {isOpen && <span className="saved-model__badge">open</span>}
          </h3>
        )}
        <label className="saved-model__compare">
          <input type="checkbox" checked={compared} onChange={() => toggleCompared(model.id)} />
          Compare
        </label>
      </div>
      <dl className="saved-model__facts">
        <div>
          <dt>Architecture</dt>
          <dd>{architectureText(model.layerSizes, model.architecture)}</dd>
        </div>
        <div>
          <dt>Test accuracy</dt>
          <dd>{accuracyText(model.testAccuracy)}</dd>
        </div>
        <div>
          <dt>Saved</dt>
          <dd>
            <time dateTime={model.updatedAt}>{dateText(model.updatedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            {STATUS_TEXT[model.status]}
            {model.epochs !== null && `, ${epochsText(model.epochs)}`}
          </dd>
        </div>
      </dl>
      {mode === 'confirm-delete' ? (
        <div className="saved-model__actions" role="group" aria-label={`Delete ${model.name}?`}>
          <span>Delete “{model.name}” from this browser?</span>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void deleteSavedModel(model.id)}
          >
            Delete
          </button>
          <SmallButton onClick={() => setMode('view')}>Keep</SmallButton>
        </div>
      ) : (
        <div className="saved-model__actions">
          <button
            type="button"
            className="button button--small"
            disabled={isOpen || busy}
            onClick={() => void openSavedModel(model.id)}
          >
            {isOpen ? 'Open now' : 'Open'}
          </button>
          <SmallButton
            onClick={() => {
              setDraftName(model.name);
              setMode('rename');
            }}
          >
            Rename
          </SmallButton>
          <SmallButton onClick={() => download('dlm')}>.dlm</SmallButton>
          <SmallButton onClick={() => download('npz')}>.npz</SmallButton>
          <SmallButton onClick={() => setMode('confirm-delete')}>Delete</SmallButton>
          {model.config && (
            <a className="saved-model__link" href={trainingConfigHash(model.config)}>
              Train again with these settings
            </a>
          )}
        </div>
      )}
    </li>
  );
}
