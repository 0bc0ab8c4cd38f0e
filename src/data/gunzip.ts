// Unzips gzip bytes with the platform's DecompressionStream, but only when they really are gzip.
import { DataLoadError } from './data-load-error';
import { GrowableBytes } from './growable-bytes';
import { IdxFormatError } from './idx-format-error';

/** True when the bytes start with the gzip magic 1f 8b (an already-unzipped IDX file starts with 00 00). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Unzips `bytes`; `expectedBytes` (from the manifest) sizes the output once instead of growing it chunk by chunk.
 * Bad gzip data is a format problem of the file, so it raises IdxFormatError like any other bad bytes.
 */
export async function gunzip(bytes: Uint8Array, what: string, expectedBytes = 0): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new DataLoadError(
      'unsupported',
      'This browser cannot unzip data (no DecompressionStream). Use a current Chrome, Edge, Firefox or Safari.',
    );
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const out = new GrowableBytes(expectedBytes);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      out.push(value);
    }
  } catch (error) {
    throw new IdxFormatError(`The ${what} is not valid gzip data: it is corrupt or was cut short.`, {
      cause: error,
    });
  }
  return out.bytes();
}
