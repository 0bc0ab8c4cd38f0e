// Fault injection for the static server: turns a file's correct bytes into a broken response.
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * - 'corrupt': the file arrives whole but its content is wrong (for .gz files the IDX magic number inside the
 *   gzip is overwritten, so the app sees a well-formed download of a bad file; other files get garbage bytes).
 * - 'truncate': only the first half is sent, with a matching Content-Length (a clean but short response).
 * - 'abort': headers promise the whole file, half is sent, then the connection is destroyed.
 * - 'fail500' / 'fail404': an HTTP error status.
 * - 'slow': correct bytes, sent in 64 KiB chunks 20 ms apart, so tests can watch progress.
 */
export type Fault = 'corrupt' | 'truncate' | 'abort' | 'fail500' | 'fail404' | 'slow';

/** Map from a path relative to the served sub-path (e.g. "data/train-images.idx.gz") to its fault, or a hook. */
export type FaultRules = Readonly<Record<string, Fault>> | ((relativePath: string) => Fault | undefined);

export function corruptBytes(bytes: Buffer, isGzipFile: boolean): Buffer {
  if (isGzipFile) {
    const inner = Buffer.from(gunzipSync(bytes));
    inner.writeUInt32BE(0xdeadbeef, 0);
    return gzipSync(inner, { level: 1 });
  }
  const copy = Buffer.from(bytes);
  for (let i = 0; i < Math.min(64, copy.length); i++) copy[i] ^= 0xa5;
  return copy;
}
