// Where the MNIST assets live relative to the app, and the manifest that scripts/generate-assets.mjs writes.
import { readCachedBytes, writeCachedBytes } from './asset-cache';
import { DataLoadError } from './data-load-error';

export type MnistSplit = 'train' | 'test';
export type MnistAssetName = 'train-images' | 'train-labels' | 'test-images' | 'test-labels';

export interface MnistManifestEntry {
  readonly name: MnistAssetName;
  /** File name inside data/, e.g. "train-images.idx.gz". */
  readonly path: string;
  /** Size of the gzip file: what crosses the network when the server sends it as is. */
  readonly gzipBytes: number;
  /** Size of the IDX file once unzipped: what the body holds when the browser has already unzipped it. */
  readonly rawBytes: number;
}

export interface MnistManifest {
  readonly version: 1;
  readonly files: readonly MnistManifestEntry[];
}

export const SPLIT_ASSETS: Record<
  MnistSplit,
  { images: MnistAssetName; labels: MnistAssetName; count: number }
> = {
  train: { images: 'train-images', labels: 'train-labels', count: 60_000 },
  test: { images: 'test-images', labels: 'test-labels', count: 10_000 },
};

/** The URL of a file in the app's data/ folder; baseUrl is the app's root (document.baseURI on the page). */
export function dataUrl(baseUrl: string, file: string): string {
  return new URL(`data/${file}`, baseUrl).href;
}

function isManifestEntry(value: unknown): value is MnistManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.name === 'string' &&
    typeof entry.path === 'string' &&
    Number.isSafeInteger(entry.gzipBytes) &&
    Number.isSafeInteger(entry.rawBytes)
  );
}

export function manifestEntry(manifest: MnistManifest, name: MnistAssetName): MnistManifestEntry {
  const entry = manifest.files.find((f) => f.name === name);
  if (!entry) {
    throw new DataLoadError(
      'http',
      `The data manifest does not list ${name}; the site was built incompletely.`,
    );
  }
  return entry;
}

const manifests = new Map<string, Promise<MnistManifest>>();

/** Reads data/manifest.json once per app URL (both splits need it); a failed read is tried again next time. */
export function fetchManifest(baseUrl: string, signal?: AbortSignal): Promise<MnistManifest> {
  const known = manifests.get(baseUrl);
  if (known) return known;
  const reading = readManifest(baseUrl, signal);
  manifests.set(baseUrl, reading);
  reading.catch(() => manifests.delete(baseUrl));
  return reading;
}

/**
 * The byte sizes that progress is measured against. Network first, so a new deployment's list wins; when the
 * server cannot be reached, the last list read here (kept in the app's own data cache, beside the files it
 * describes) lets cached MNIST files load offline.
 */
async function readManifest(baseUrl: string, signal?: AbortSignal): Promise<MnistManifest> {
  const url = dataUrl(baseUrl, 'manifest.json');
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: 'no-cache' });
  } catch (error) {
    if (signal?.aborted) throw new DataLoadError('aborted', 'The download was cancelled.', { cause: error });
    const cached = await readCachedBytes(url);
    if (cached) return parseManifest(new TextDecoder().decode(cached));
    throw new DataLoadError(
      'network',
      'Could not reach the server for the MNIST data list. Check your connection and retry.',
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new DataLoadError(
      'http',
      `The server answered ${response.status} for the MNIST data list (${url}). Retry later.`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new DataLoadError('network', 'The MNIST data list stopped arriving half-way. Retry.', {
      cause: error,
    });
  }
  const manifest = parseManifest(text);
  await writeCachedBytes(url, new TextEncoder().encode(text));
  return manifest;
}

function parseManifest(text: string): MnistManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataLoadError(
      'http',
      'The MNIST data list is not valid JSON; the site was built incompletely.',
      {
        cause: error,
      },
    );
  }
  const files = (json as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.every(isManifestEntry)) {
    throw new DataLoadError(
      'http',
      'The MNIST data list has an unexpected shape; the site was built incompletely.',
    );
  }
  return { version: 1, files };
}
