// The one error saving to or reading from the browser's storage raises, with what kind of failure it was.

export type StorageErrorKind = 'quota' | 'unavailable' | 'not-found' | 'corrupt' | 'failed';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

const KEEP_WORKING = 'The model in memory is not affected and can still be exported.';

/** Turns what IndexedDB throws into a StorageError whose message says what happened and what to do. */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const raw = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  // The detail is followed by a full stop of ours: one of its own would make two.
  const detail = raw.replace(/[.\s]+$/, '');
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'quota',
      `Could not ${action}: this site's browser storage is full. Delete saved models you no longer need. ${KEEP_WORKING}`,
      { cause: error },
    );
  }
  if (
    ['InvalidStateError', 'SecurityError', 'VersionError', 'UnknownError', 'NotAllowedError'].includes(name)
  ) {
    return new StorageError(
      'unavailable',
      `Could not ${action}: the browser does not allow saving here (private browsing, storage turned off, or another tab holds a newer version) — ${detail}. ${KEEP_WORKING}`,
      { cause: error },
    );
  }
  return new StorageError('failed', `Could not ${action}: ${detail}. ${KEEP_WORKING}`, { cause: error });
}
