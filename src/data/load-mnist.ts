// Loads one MNIST split (images + labels) from the app's data/ assets: fetch with progress, cache, unzip, parse.
// Pure of any UI: the same function runs on the main thread and inside a Web Worker.
import type { Dataset } from '../nn/types';
import { deleteCachedBytes, readCachedBytes, writeCachedBytes } from './asset-cache';
import { fetchBytes } from './fetch-with-progress';
import { gunzip, isGzip } from './gunzip';
import { parseMnist } from './idx';
import { IdxFormatError } from './idx-format-error';
import {
  dataUrl,
  fetchManifest,
  manifestEntry,
  SPLIT_ASSETS,
  type MnistManifestEntry,
  type MnistSplit,
} from './mnist-assets';

export interface LoadProgress {
  /** Bytes of the gzip assets received so far (estimated from unzipped bytes when the browser unzips). */
  readonly bytesLoaded: number;
  /** Total size of the split's gzip assets, from the manifest. */
  readonly bytesTotal: number;
}

export interface LoadMnistOptions {
  /** The app's root URL: document.baseURI on the page; passed in by a worker, whose own URL is elsewhere. */
  readonly baseUrl: string;
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly signal?: AbortSignal;
}

const DESCRIPTIONS: Record<MnistSplit, { images: string; labels: string }> = {
  train: { images: 'training images', labels: 'training labels' },
  test: { images: 'test images', labels: 'test labels' },
};

interface FetchedFile {
  readonly url: string;
  /** The bytes as they arrived (gzip, or already unzipped by the browser): what goes into the cache. */
  readonly received: Uint8Array;
  readonly fromCache: boolean;
}

async function getFile(
  baseUrl: string,
  entry: MnistManifestEntry,
  what: string,
  useCache: boolean,
  onBytes: (bytesLoaded: number) => void,
  signal: AbortSignal | undefined,
): Promise<FetchedFile> {
  const url = dataUrl(baseUrl, entry.path);
  if (useCache) {
    const cached = await readCachedBytes(url);
    if (cached) {
      onBytes(entry.gzipBytes);
      return { url, received: cached, fromCache: true };
    }
  }
  const received = await fetchBytes(url, {
    what,
    gzipBytes: entry.gzipBytes,
    rawBytes: entry.rawBytes,
    onProgress: onBytes,
    signal,
  });
  return { url, received, fromCache: false };
}

async function unzipped(file: FetchedFile, entry: MnistManifestEntry, what: string): Promise<Uint8Array> {
  return isGzip(file.received) ? gunzip(file.received, `${what} file`, entry.rawBytes) : file.received;
}

async function loadOnce(split: MnistSplit, options: LoadMnistOptions, useCache: boolean): Promise<Dataset> {
  const { baseUrl, onProgress, signal } = options;
  const assets = SPLIT_ASSETS[split];
  const names = DESCRIPTIONS[split];
  const manifest = await fetchManifest(baseUrl, signal);
  const imagesEntry = manifestEntry(manifest, assets.images);
  const labelsEntry = manifestEntry(manifest, assets.labels);
  const bytesTotal = imagesEntry.gzipBytes + labelsEntry.gzipBytes;

  let imagesLoaded = 0;
  let labelsLoaded = 0;
  let reported = -1;
  const report = () => {
    const bytesLoaded = imagesLoaded + labelsLoaded;
    if (bytesLoaded > reported) {
      reported = bytesLoaded;
      onProgress?.({ bytesLoaded, bytesTotal });
    }
  };
  report();
  const [imagesFile, labelsFile] = await Promise.all([
    getFile(baseUrl, imagesEntry, names.images, useCache, (n) => ((imagesLoaded = n), report()), signal),
    getFile(baseUrl, labelsEntry, names.labels, useCache, (n) => ((labelsLoaded = n), report()), signal),
  ]);

  try {
    const dataset = parseMnist(
      await unzipped(imagesFile, imagesEntry, names.images),
      await unzipped(labelsFile, labelsEntry, names.labels),
      assets.count,
      { images: `${names.images} file`, labels: `${names.labels} file` },
    );
    for (const file of [imagesFile, labelsFile]) {
      if (!file.fromCache) await writeCachedBytes(file.url, file.received);
    }
    return dataset;
  } catch (error) {
    // A cached copy that no longer parses (a half-written entry, an old format) is dropped and downloaded afresh.
    if (error instanceof IdxFormatError && (imagesFile.fromCache || labelsFile.fromCache)) {
      await Promise.all([deleteCachedBytes(imagesFile.url), deleteCachedBytes(labelsFile.url)]);
      return loadOnce(split, options, false);
    }
    throw error;
  }
}

/**
 * Loads the 'train' (60,000) or 'test' (10,000) split. Resolves with pixels as Uint8Array (28x28 bytes per
 * digit); rejects with DataLoadError (download problems) or IdxFormatError (bytes that are not MNIST).
 */
export function loadMnistSplit(split: MnistSplit, options: LoadMnistOptions): Promise<Dataset> {
  return loadOnce(split, options, true);
}
