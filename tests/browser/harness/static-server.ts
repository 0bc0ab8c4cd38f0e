// A static file server (node:http) for dist/ under a sub-path, with switchable COOP/COEP, gzip encoding and faults.
import { createServer, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { corruptBytes, type Fault, type FaultRules } from './faults';
import { DIST_DIR } from './paths';

export interface StaticServerOptions {
  /** Folder to serve; default dist/. */
  readonly root?: string;
  /** URL prefix the app lives under, with leading and trailing slash; default "/sub/dir/". */
  readonly basePath?: string;
  /** Send Cross-Origin-Opener-Policy / -Embedder-Policy (makes the page crossOriginIsolated); default true. */
  readonly coopCoep?: boolean;
  /**
   * true (default): .gz files go out with Content-Encoding: gzip, as Vite's dev/preview servers send them, so
   * the browser unzips before the page sees the bytes. false: raw application/gzip bytes the page must unzip.
   */
  readonly gzipEncoding?: boolean;
  readonly faults?: FaultRules;
}

export interface RequestRecord {
  readonly method: string;
  /** Path relative to basePath, without query ("data/train-images.idx.gz"). */
  readonly path: string;
  readonly status: number;
  readonly fault: Fault | null;
  readonly contentEncoding: string | null;
  /** Body bytes sent as they are on the wire (a `.gz` served with Content-Encoding counts compressed). */
  readonly bodyBytes: number;
  /** When the request arrived, in ms since the epoch (compare with the page's performance.timeOrigin + now()). */
  readonly receivedAt: number;
}

export interface StaticServer {
  readonly port: number;
  /** e.g. "http://127.0.0.1:41234". */
  readonly origin: string;
  /** The app's URL, e.g. "http://127.0.0.1:41234/sub/dir/". */
  readonly baseUrl: string;
  /** The app's URL at a route: url('#/train') -> ".../sub/dir/#/train". */
  url(route?: string): string;
  /** Every request so far, in order. */
  readonly requests: RequestRecord[];
  /** Requests whose relative path is exactly `path`. */
  requestsFor(path: string): RequestRecord[];
  /** Adds (or with null removes) a fault for a relative path; overrides the `faults` option for that path. */
  setFault(path: string, fault: Fault | null): void;
  clearFaults(): void;
  /** Serves another build from now on (same origin): a new deployment, as a returning visitor meets it. */
  setRoot(root: string): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const CHUNK_BYTES = 65_536;

function sendSlowly(res: ServerResponse, body: Buffer): void {
  let offset = 0;
  const next = () => {
    if (res.destroyed) return;
    if (offset >= body.length) {
      res.end();
      return;
    }
    res.write(body.subarray(offset, offset + CHUNK_BYTES));
    offset += CHUNK_BYTES;
    setTimeout(next, 20);
  };
  next();
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  let root = options.root ?? DIST_DIR;
  const basePath = options.basePath ?? '/sub/dir/';
  const coopCoep = options.coopCoep ?? true;
  const gzipEncoding = options.gzipEncoding ?? true;
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`basePath must start and end with "/", got "${basePath}"`);
  }
  const checkBuilt = (folder: string) => {
    if (!existsSync(join(folder, 'index.html'))) {
      throw new Error(
        `${folder}/index.html is missing: build the app first (the harness global setup does this).`,
      );
    }
  };
  checkBuilt(root);

  const overrides = new Map<string, Fault>();
  const corruptCache = new Map<string, Buffer>();
  const requests: RequestRecord[] = [];
  // clearFaults() also switches off the `faults` option: from then on everything is served correctly.
  let rulesActive = true;

  const faultFor = (path: string): Fault | null => {
    if (overrides.has(path)) return overrides.get(path) ?? null;
    const rules = options.faults;
    if (!rules || !rulesActive) return null;
    return (typeof rules === 'function' ? rules(path) : rules[path]) ?? null;
  };

  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === basePath.slice(0, -1)) {
      res.writeHead(301, { Location: basePath }).end();
      return;
    }
    if (!pathname.startsWith(basePath)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not under ${basePath}`);
      return;
    }
    const relative = pathname.slice(basePath.length);
    const receivedAt = Date.now();
    const record = (
      status: number,
      fault: Fault | null,
      bodyBytes: number,
      contentEncoding: string | null = null,
    ) =>
      requests.push({
        method: req.method ?? 'GET',
        path: relative,
        status,
        fault,
        contentEncoding,
        bodyBytes,
        receivedAt,
      });
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (coopCoep) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    const filePath = normalize(join(root, relative === '' ? 'index.html' : relative));
    if (!filePath.startsWith(root + sep) || !existsSync(filePath) || statSync(filePath).isDirectory()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      record(404, null, 'Not found'.length);
      return;
    }
    const fault = faultFor(relative);
    if (fault === 'fail500' || fault === 'fail404') {
      const status = fault === 'fail500' ? 500 : 404;
      const text = `Injected fault ${fault}`;
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain' }).end(text);
      record(status, fault, text.length);
      return;
    }

    const isGzipFile = filePath.endsWith('.gz');
    let body: Buffer = readFileSync(filePath);
    if (fault === 'corrupt') {
      body = corruptCache.get(filePath) ?? corruptBytes(body, isGzipFile);
      corruptCache.set(filePath, body);
    }
    const ext = extname(isGzipFile ? filePath.slice(0, -3) : filePath);
    if (isGzipFile && gzipEncoding) {
      headers['Content-Type'] = CONTENT_TYPES[ext] ?? 'application/octet-stream';
      headers['Content-Encoding'] = 'gzip';
    } else {
      headers['Content-Type'] = isGzipFile
        ? 'application/gzip'
        : (CONTENT_TYPES[ext] ?? 'application/octet-stream');
    }
    const encoding = headers['Content-Encoding'] ?? null;
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end();
      record(200, fault, 0, encoding);
      return;
    }
    if (fault === 'truncate') body = body.subarray(0, Math.floor(body.length / 2));
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    record(200, fault, fault === 'abort' ? Math.floor(body.length / 2) : body.length, encoding);
    if (fault === 'abort') {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    } else if (fault === 'slow') {
      sendSlowly(res, body);
    } else {
      res.end(body);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}${basePath}`;

  return {
    port,
    origin,
    baseUrl,
    url: (route = '') => `${baseUrl}${route}`,
    requests,
    requestsFor: (path) => requests.filter((r) => r.path === path),
    setFault: (path, fault) => {
      if (fault === null) overrides.delete(path);
      else overrides.set(path, fault);
    },
    clearFaults: () => {
      overrides.clear();
      rulesActive = false;
    },
    setRoot: (folder) => {
      checkBuilt(folder);
      root = folder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
