// A dataset copied once into SharedArrayBuffers, so every training worker reads the same bytes (not a copy each).

import type { Dataset } from '../nn/types';

function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  // 4-byte aligned (a fresh buffer is), so the sparse-row builder can read four pixels at a time.
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

export function shareDataset(data: Dataset): Dataset {
  return { ...data, images: shared(data.images), labels: shared(data.labels) };
}
