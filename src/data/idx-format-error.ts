// The one error type for data files that are not the MNIST IDX files they claim to be.
export class IdxFormatError extends Error {
  override readonly name = 'IdxFormatError';
}
