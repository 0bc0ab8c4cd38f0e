// Downloads one file as bytes, reporting progress chunk by chunk against a size known in advance.
import { DataLoadError } from './data-load-error';
import { isGzip } from './gunzip';
import { GrowableBytes } from './growable-bytes';

export interface FetchBytesOptions {
  /** A name a person recognises, used in error messages ("training images"). */
  readonly what: string;
  /** Size of the file as served (gzip) and once unzipped: a browser that unzips a gzip-encoded response hands us the latter. */
  readonly gzipBytes: number;
  readonly rawBytes: number;
  /** Called with progress in gzip-file bytes, so the total stays the same whether or not the browser unzips. */
  readonly onProgress?: (bytesLoaded: number) => void;
  readonly signal?: AbortSignal;
}

function aborted(error: unknown): DataLoadError {
  return new DataLoadError('aborted', 'The download was cancelled.', { cause: error });
}

/**
 * Content-Length cannot measure progress: with Content-Encoding: gzip it counts compressed bytes while the
 * body yields unzipped ones, and some servers omit it. So the first two bytes tell which of the manifest's
 * two sizes the body will have, and progress is reported scaled to the gzip size.
 */
export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<Uint8Array> {
  const { what, gzipBytes, rawBytes, onProgress, signal } = options;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw aborted(error);
    throw new DataLoadError(
      'network',
      `Could not download the ${what}: the server could not be reached. Check your connection and retry.`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new DataLoadError(
      'http',
      `Could not download the ${what}: the server answered ${response.status} ${response.statusText}`.trim() +
        '. Retry later.',
    );
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(gzipBytes);
    return bytes;
  }

  const reader = response.body.getReader();
  let out: GrowableBytes | null = null;
  let expected = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!out) {
        expected = isGzip(value) ? gzipBytes : rawBytes;
        out = new GrowableBytes(expected);
      }
      out.push(value);
      onProgress?.(Math.min(gzipBytes, Math.round((out.length / expected) * gzipBytes)));
    }
  } catch (error) {
    if (signal?.aborted) throw aborted(error);
    throw new DataLoadError(
      'interrupted',
      `The download of the ${what} was interrupted after ${(out?.length ?? 0).toLocaleString('en-US')} bytes. Check your connection and retry.`,
      { cause: error },
    );
  }
  if (!out) {
    throw new DataLoadError('interrupted', `The download of the ${what} arrived empty. Retry.`);
  }
  if (out.length < expected) {
    throw new DataLoadError(
      'interrupted',
      `The download of the ${what} stopped early: ${out.length.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes arrived. Retry.`,
    );
  }
  return out.bytes();
}
