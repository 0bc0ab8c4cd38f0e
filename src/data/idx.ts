// Parses MNIST's IDX files (big-endian header, then raw bytes) into a Dataset, checking every claim.
import type { Dataset } from '../nn/types';
import { IdxFormatError } from './idx-format-error';

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;
const IMAGE_HEADER_BYTES = 16;
const LABEL_HEADER_BYTES = 8;

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly pixels: Uint8Array;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

export function parseIdxImages(bytes: Uint8Array, what = 'image file'): IdxImages {
  if (bytes.byteLength < IMAGE_HEADER_BYTES) {
    throw new IdxFormatError(
      `The ${what} is only ${bytes.byteLength} bytes long: too short to hold an IDX header.`,
    );
  }
  const magic = readUint32(bytes, 0);
  if (magic !== IDX_IMAGES_MAGIC) {
    throw new IdxFormatError(
      `The ${what} does not start with the IDX image magic number 2051 (found ${magic}).`,
    );
  }
  const count = readUint32(bytes, 4);
  const rows = readUint32(bytes, 8);
  const cols = readUint32(bytes, 12);
  if (rows !== 28 || cols !== 28) {
    throw new IdxFormatError(`The ${what} holds ${rows}x${cols} images; MNIST images are 28x28.`);
  }
  const expected = IMAGE_HEADER_BYTES + count * rows * cols;
  if (bytes.byteLength !== expected) {
    throw new IdxFormatError(
      `The ${what} claims ${count} images (${expected} bytes) but has ${bytes.byteLength} bytes: it is ${
        bytes.byteLength < expected ? 'truncated' : 'longer than its header says'
      }.`,
    );
  }
  return { count, rows, cols, pixels: bytes.subarray(IMAGE_HEADER_BYTES) };
}

export function parseIdxLabels(bytes: Uint8Array, what = 'label file'): Uint8Array {
  if (bytes.byteLength < LABEL_HEADER_BYTES) {
    throw new IdxFormatError(
      `The ${what} is only ${bytes.byteLength} bytes long: too short to hold an IDX header.`,
    );
  }
  const magic = readUint32(bytes, 0);
  if (magic !== IDX_LABELS_MAGIC) {
    throw new IdxFormatError(
      `The ${what} does not start with the IDX label magic number 2049 (found ${magic}).`,
    );
  }
  const count = readUint32(bytes, 4);
  const expected = LABEL_HEADER_BYTES + count;
  if (bytes.byteLength !== expected) {
    throw new IdxFormatError(
      `The ${what} claims ${count} labels (${expected} bytes) but has ${bytes.byteLength} bytes: it is ${
        bytes.byteLength < expected ? 'truncated' : 'longer than its header says'
      }.`,
    );
  }
  const labels = bytes.subarray(LABEL_HEADER_BYTES);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] > 9)
      throw new IdxFormatError(`The ${what} has label ${labels[i]} at index ${i}; labels are 0-9.`);
  }
  return labels;
}

/** Joins an image file and a label file into one Dataset, checking that they describe the same digits. */
export function parseMnist(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  expectedCount?: number,
  names: { images: string; labels: string } = { images: 'image file', labels: 'label file' },
): Dataset {
  const images = parseIdxImages(imageBytes, names.images);
  const labels = parseIdxLabels(labelBytes, names.labels);
  if (images.count !== labels.length) {
    throw new IdxFormatError(
      `The ${names.images} holds ${images.count} images but the ${names.labels} ${labels.length} labels.`,
    );
  }
  if (expectedCount !== undefined && images.count !== expectedCount) {
    throw new IdxFormatError(`Expected ${expectedCount} digits but the files hold ${images.count}.`);
  }
  return { images: images.pixels, labels, count: images.count, rows: images.rows, cols: images.cols };
}
