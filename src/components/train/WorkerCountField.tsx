// How many workers train the next run: 1 … the most this page offers, or "1 worker" with the reason it is one.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { chooseWorkerCount, showEngine } from '../../state/engine-actions';
import { useStore } from '../../state/store';
import { workerCountLabel } from './worker-count-label';

const FIELD_ID = 'training-workers';

export function WorkerCountField() {
  const { engine, status, error } = useStore(
    useShallow((s) => ({
      engine: s.engine,
      status: s.trainingStatus,
      error: s.workerCountError,
    })),
  );
  useEffect(() => {
    // The first visit to Train asks the worker (which also puts back the remembered count).
    if (!useStore.getState().engine) void showEngine();
  }, []);

  const reason = engine?.singleWorkerReason ?? null;
  // A paused run continues with its own workers too (Resume, Step): the choice waits for Start.
  const runContinues = engine !== null && (status === 'running' || status === 'paused');
  const disabled = engine === null || reason !== null || status === 'failed';
  const counts = engine ? Array.from({ length: engine.maxWorkers }, (_, i) => i + 1) : [];
  const ids = {
    note: `${FIELD_ID}-note`,
    next: `${FIELD_ID}-next`,
    error: `${FIELD_ID}-error`,
  };
  const describedBy = [engine ? ids.note : null, runContinues ? ids.next : null, error ? ids.error : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={['field', 'worker-count', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={FIELD_ID}>Workers</label>
      <select
        id={FIELD_ID}
        value={engine ? String(engine.chosenWorkers) : ''}
        disabled={disabled}
        aria-describedby={describedBy || undefined}
        aria-busy={engine === null || undefined}
        onChange={(event) => void chooseWorkerCount(Number(event.target.value))}
      >
        {engine === null && <option value="">Checking this device…</option>}
        {counts.map((count) => (
          <option key={count} value={String(count)}>
            {workerCountLabel(count)}
            {count === engine?.defaultWorkers && counts.length > 1 ? ' (default)' : ''}
          </option>
        ))}
      </select>
      {engine &&
        (reason ? (
          <span id={ids.note} className="field__hint worker-count__reason">
            {reason}
          </span>
        ) : (
          <span id={ids.note} className="field__hint">
            Each worker trains on its share of every batch, on its own processor core.
          </span>
        ))}
      {runContinues && (
        <span id={ids.next} className="field__hint worker-count__next">
          Applies to the next run: this one keeps {workerCountLabel(engine.workers)}.
        </span>
      )}
      {error && (
        <span id={ids.error} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
