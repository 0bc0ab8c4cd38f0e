// One training step of a layer list at batch 128 in headless Chromium, on the plain and the relaxed-SIMD kernel
// builds taking turns (the browser runs the relaxed one where it validates): one JSON line on stdout.
//   npx tsx bench/cnn-chromium.ts [--layers 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100'] [--rounds 3]
//                                 [--builds a.wasm,b.wasm]   (default: src/generated's plain and relaxed builds)
// The page trains on the first 12,800 training digits; src/generated/ must hold the builds (npm run build:wasm).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { launchBrowser } from '../tests/browser/harness';
import { PROJECT_ROOT } from '../tests/browser/harness/paths';

const { values: options } = parseArgs({
  options: {
    layers: { type: 'string', default: 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100' },
    rounds: { type: 'string', default: '3' },
    steps: { type: 'string', default: '20' },
    builds: { type: 'string' },
  },
});
const SAMPLES = 12_800;
const ORIGIN = 'http://bench.invalid/';
const GENERATED = join(PROJECT_ROOT, 'src', 'generated');
const paths = options.builds?.split(',') ?? [
  join(GENERATED, 'digit-kernels.wasm'),
  join(GENERATED, 'digit-kernels-relaxed.wasm'),
];
const builds = paths.map((_, i) => `build-${i}.wasm`);

const bundle = await build({
  entryPoints: [join(PROJECT_ROOT, 'bench', 'cnn-browser-entry.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
});
const train = loadMnistFromDisk('train');
const files: Record<string, { body: Buffer; type: string }> = {
  '': { body: Buffer.from('<!doctype html><title>cnn bench</title>'), type: 'text/html' },
  'bench.js': { body: Buffer.from(bundle.outputFiles[0].contents), type: 'text/javascript' },
  'images.bin': {
    body: Buffer.from(train.images.subarray(0, SAMPLES * 784)),
    type: 'application/octet-stream',
  },
  'labels.bin': { body: Buffer.from(train.labels.subarray(0, SAMPLES)), type: 'application/octet-stream' },
};
builds.forEach((file, i) => {
  files[file] = { body: readFileSync(paths[i]), type: 'application/wasm' };
});

const browser = await launchBrowser();
const page = await browser.newPage();
await page.route(`${ORIGIN}**`, (route) => {
  const file = files[route.request().url().slice(ORIGIN.length)];
  return file ? route.fulfill({ body: file.body, contentType: file.type }) : route.fulfill({ status: 404 });
});
await page.goto(ORIGIN);
const results: Record<string, number[]> = Object.fromEntries(builds.map((b) => [b, []]));
for (let round = 0; round < Number(options.rounds); round++) {
  for (const file of builds) {
    const { medianMs } = await page.evaluate(
      async ([wasm, layers, steps]) => {
        const bench = (await import(`${location.origin}/bench.js`)) as typeof import('./cnn-browser-entry');
        return bench.timeSteps(wasm, layers, 20, Number(steps));
      },
      [file, options.layers, options.steps] as const,
    );
    results[file].push(medianMs);
    console.error(`round ${round + 1}, ${paths[builds.indexOf(file)]}: ${medianMs.toFixed(1)} ms/step`);
  }
}
await browser.close();
const best = (values: number[]) => Math.min(...values);
console.log(
  JSON.stringify({
    layers: options.layers,
    batch: 128,
    bestMs: Object.fromEntries(builds.map((file, i) => [paths[i], best(results[file])])),
  }),
);
