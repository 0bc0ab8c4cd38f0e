// The browser loader run in Node against a mocked fetch serving the real MNIST test split, gzip or unzipped.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadMnistSplit, type LoadProgress } from '../../src/data/load-mnist';
import { DataLoadError } from '../../src/data/data-load-error';
import { IdxFormatError } from '../../src/data/idx-format-error';
import { mnistDataDirectory } from '../../src/data/mnist-node';

const BASE = 'https://example.test/sub/dir/';

interface Served {
  gz: Uint8Array;
  raw: Uint8Array;
}
const files: Record<string, Served> = {};
let manifest: string;

beforeAll(() => {
  const dir = mnistDataDirectory();
  const sources = { 'test-images': 't10k-images-idx3-ubyte', 'test-labels': 't10k-labels-idx1-ubyte' };
  const entries = [];
  for (const [name, source] of Object.entries(sources)) {
    const raw = new Uint8Array(readFileSync(join(dir, source)));
    const gz = new Uint8Array(gzipSync(raw, { level: 1 }));
    files[`${name}.idx.gz`] = { gz, raw };
    entries.push({ name, path: `${name}.idx.gz`, gzipBytes: gz.byteLength, rawBytes: raw.byteLength });
  }
  manifest = JSON.stringify({ version: 1, files: entries });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A body delivered in 64 KiB chunks, optionally failing after `failAfter` bytes like a dropped connection. */
function chunkedBody(bytes: Uint8Array, failAfter?: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && offset >= failAfter) {
        controller.error(new TypeError('network error'));
        return;
      }
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.length, offset + 65_536);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

/** A secure context with a Cache API held in a Map (returned, to look inside). */
function stubCache(): Map<string, Response> {
  const store = new Map<string, Response>();
  const cache = {
    match: async (url: string) => store.get(url)?.clone(),
    put: async (url: string, response: Response) => void store.set(url, response),
    delete: async (url: string) => store.delete(url),
  };
  vi.stubGlobal('self', { isSecureContext: true, caches: {} });
  vi.stubGlobal('caches', { open: async () => cache });
  return store;
}

type Mode = 'gzip' | 'unzipped';
interface MockOptions {
  mode: Mode;
  override?: (file: string, served: Served) => Response | undefined;
}

function mockFetch({ mode, override }: MockOptions) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    expect(url.startsWith(`${BASE}data/`)).toBe(true);
    const file = url.slice(`${BASE}data/`.length);
    if (file === 'manifest.json') return new Response(manifest);
    const served = files[file];
    if (!served) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const custom = override?.(file, served);
    if (custom) return custom;
    return new Response(chunkedBody(mode === 'gzip' ? served.gz : served.raw));
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

async function load(onProgress?: (p: LoadProgress) => void) {
  return loadMnistSplit('test', { baseUrl: BASE, onProgress });
}

describe('loadMnistSplit', () => {
  for (const mode of ['gzip', 'unzipped'] as const) {
    it(`loads the 10,000 test digits from ${mode} bytes with monotone progress reaching the total`, async () => {
      mockFetch({ mode });
      const progress: LoadProgress[] = [];
      const dataset = await load((p) => progress.push(p));
      expect(dataset.count).toBe(10_000);
      expect(dataset.labels[0]).toBe(7);
      expect(dataset.images).toBeInstanceOf(Uint8Array);
      expect(dataset.images.length).toBe(10_000 * 784);
      const total = files['test-images.idx.gz'].gz.byteLength + files['test-labels.idx.gz'].gz.byteLength;
      expect(progress.length).toBeGreaterThan(5);
      for (const p of progress) expect(p.bytesTotal).toBe(total);
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i].bytesLoaded).toBeGreaterThanOrEqual(progress[i - 1].bytesLoaded);
      }
      expect(progress.at(-1)?.bytesLoaded).toBe(total);
    });
  }

  it('raises DataLoadError("interrupted") when the stream breaks mid-way', async () => {
    mockFetch({
      mode: 'gzip',
      override: (file, served) =>
        file === 'test-images.idx.gz' ? new Response(chunkedBody(served.gz, 200_000)) : undefined,
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).kind).toBe('interrupted');
    expect((error as Error).message).toMatch(/test images was interrupted/);
  });

  it('raises DataLoadError("interrupted") when the body ends early', async () => {
    mockFetch({
      mode: 'unzipped',
      override: (file, served) =>
        file === 'test-labels.idx.gz' ? new Response(served.raw.slice(0, 5000)) : undefined,
    });
    await expect(load()).rejects.toThrow(/stopped early: 5,000 of 10,008 bytes/);
  });

  it('raises DataLoadError("http") with the status for a failed request', async () => {
    mockFetch({
      mode: 'gzip',
      override: () => new Response('boom', { status: 500, statusText: 'Internal Server Error' }),
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).kind).toBe('http');
    expect((error as Error).message).toMatch(/answered 500/);
  });

  it('raises DataLoadError("network") when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(load()).rejects.toMatchObject({ name: 'DataLoadError', kind: 'network' });
  });

  it('raises IdxFormatError for gzip data that is corrupt', async () => {
    mockFetch({
      mode: 'gzip',
      override: (file, served) => {
        if (file !== 'test-images.idx.gz') return undefined;
        const bad = served.gz.slice();
        for (let i = 1000; i < 2000; i++) bad[i] ^= 0x5a;
        return new Response(bad);
      },
    });
    await expect(load()).rejects.toThrow(IdxFormatError);
  });

  it('raises IdxFormatError naming the file when its magic number is wrong', async () => {
    mockFetch({
      mode: 'unzipped',
      override: (file, served) => {
        if (file !== 'test-labels.idx.gz') return undefined;
        const bad = served.raw.slice();
        bad[3] = 0x99;
        return new Response(bad);
      },
    });
    await expect(load()).rejects.toThrow(/test labels file does not start with the IDX label magic/);
  });

  it('raises DataLoadError("unsupported") when gzip bytes arrive and DecompressionStream is missing', async () => {
    mockFetch({ mode: 'gzip' });
    vi.stubGlobal('DecompressionStream', undefined);
    await expect(load()).rejects.toMatchObject({ kind: 'unsupported' });
  });

  it('needs no DecompressionStream when the browser already unzipped the bytes', async () => {
    mockFetch({ mode: 'unzipped' });
    vi.stubGlobal('DecompressionStream', undefined);
    expect((await load()).count).toBe(10_000);
  });

  it('serves a reload from the Cache API in a secure context without downloading again', async () => {
    stubCache();
    const calls = mockFetch({ mode: 'gzip' });
    await load();
    const downloads = () => calls.filter((c) => c.endsWith('.idx.gz')).length;
    expect(downloads()).toBe(2);
    expect((await load()).labels[0]).toBe(7);
    expect(downloads()).toBe(2);
  });

  it('does not cache in an insecure context', async () => {
    const open = vi.fn();
    vi.stubGlobal('self', { isSecureContext: false, caches: {} });
    vi.stubGlobal('caches', { open });
    mockFetch({ mode: 'gzip' });
    await load();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('the MNIST data list offline', () => {
  /** A fresh module each time: the list is read once per app URL and page load, as after a reload. */
  async function fetchManifest(baseUrl: string) {
    vi.resetModules();
    const assets = await import('../../src/data/mnist-assets');
    return assets.fetchManifest(baseUrl);
  }

  it('reads the list from the network first and falls back to the last copy when the server is unreachable', async () => {
    const base = 'https://offline.test/app/';
    const store = stubCache();
    const online = vi.fn(async () => new Response(manifest));
    vi.stubGlobal('fetch', online);
    expect((await fetchManifest(base)).files.map((f) => f.name)).toEqual(['test-images', 'test-labels']);
    expect(store.has(`${base}data/manifest.json`)).toBe(true);

    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', offline);
    const fromCache = await fetchManifest(base);
    expect(offline).toHaveBeenCalledTimes(1);
    expect(fromCache.files.map((f) => f.path)).toEqual(['test-images.idx.gz', 'test-labels.idx.gz']);
  });

  it('says the server cannot be reached when it never read the list before', async () => {
    stubCache();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchManifest('https://never-online.test/')).rejects.toMatchObject({ kind: 'network' });
  });

  it('does not keep a list that does not parse, so the good copy stays the fallback', async () => {
    const base = 'https://broken-deploy.test/';
    const store = stubCache();
    vi.stubGlobal('fetch', async () => new Response(manifest));
    await fetchManifest(base);
    vi.stubGlobal('fetch', async () => new Response('{"files": 3}'));
    await expect(fetchManifest(base)).rejects.toThrow(/unexpected shape/);
    const kept = await store.get(`${base}data/manifest.json`)!.text();
    expect(JSON.parse(kept)).toEqual(JSON.parse(manifest));
  });
});
