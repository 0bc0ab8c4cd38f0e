// The one error type for downloads of data assets that did not arrive (network, HTTP, cut short, unsupported browser).
export type DataLoadErrorKind = 'network' | 'http' | 'interrupted' | 'unsupported' | 'aborted';

export class DataLoadError extends Error {
  override readonly name = 'DataLoadError';
  readonly kind: DataLoadErrorKind;

  constructor(kind: DataLoadErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}
