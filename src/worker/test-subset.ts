// A fixed, evenly spread subset of a dataset: cheap to evaluate often, and every part of the set is in it.
import type { Dataset } from '../nn/types';

/** Every (count/size)-th digit, copied; the same `size` always picks the same digits. */
export function spreadSubset(data: Dataset, size: number): Dataset {
  const count = Math.max(0, Math.min(Math.floor(size), data.count));
  const pixels = data.rows * data.cols;
  const images = new Uint8Array(count * pixels);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const source = Math.floor((i * data.count) / count);
    images.set(data.images.subarray(source * pixels, (source + 1) * pixels), i * pixels);
    labels[i] = data.labels[source];
  }
  return { images, labels, count, rows: data.rows, cols: data.cols };
}

/** Digits [start, start + count) as a view: no copy. */
export function datasetSlice(data: Dataset, start: number, count: number): Dataset {
  const pixels = data.rows * data.cols;
  const end = Math.min(data.count, start + count);
  return {
    images: data.images.subarray(start * pixels, end * pixels),
    labels: data.labels.subarray(start, end),
    count: Math.max(0, end - start),
    rows: data.rows,
    cols: data.cols,
  };
}
