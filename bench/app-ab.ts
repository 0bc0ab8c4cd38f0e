// Interleaved A/B of app builds in Chromium: each build (a `vite build --outDir DIR`) is served and opened in a
// page of its own, then the pages train one epoch each in turn, round after round, with NumPy float32
// optionally in the rotation. On this machine the speed drifts by a third within minutes, so
// only builds measured in turn like this can be compared; the order turns round every round (A B, B A, ...),
// since the run just after another one is not as fast as the first.
//   npx tsx bench/app-ab.ts [--rounds 8] [--workers 2] [--numpy] distA distB ...
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REFERENCE_CONFIG } from '../src/nn/types';
import { launchBrowser, startStaticServer } from '../tests/browser/harness';
import { WARM_UP_STEPS } from './chromium';
import { numpyEpoch } from './numpy-epoch';

const { values: options, positionals: dists } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '6' },
    workers: { type: 'string', default: '2' },
    numpy: { type: 'boolean', default: false },
  },
});
const rounds = Number(options.rounds);
const workers = Number(options.workers);

const pages = [];
const closers: (() => Promise<void>)[] = [];
for (const dist of dists) {
  const server = await startStaticServer({ root: resolve(dist), basePath: '/digit-lab/', coopCoep: true });
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (error) => process.stderr.write(`${dist}: ${error.message}\n`));
  await page.goto(server.url('?bench#/train'));
  await page.waitForFunction(() => window.__digitLabBench !== undefined, undefined, { timeout: 60_000 });
  pages.push({ dist, page });
  closers.push(async () => {
    await browser.close();
    await server.close();
  });
}

const seconds = new Map<string, number[]>();
const record = (name: string, value: number) => seconds.set(name, [...(seconds.get(name) ?? []), value]);
for (let round = 0; round < rounds; round++) {
  const line: string[] = [];
  for (const { dist, page } of round % 2 === 0 ? pages : [...pages].reverse()) {
    const epoch = await page.evaluate(
      ([config, warmUp, count]) => window.__digitLabBench!.trainEpoch(config, warmUp, count),
      [REFERENCE_CONFIG, WARM_UP_STEPS, workers] as const,
    );
    record(dist, epoch.secondsPerEpoch);
    line.push(`${dist} ${epoch.secondsPerEpoch.toFixed(3)} s (${epoch.workers} workers)`);
  }
  if (options.numpy) {
    const epoch = numpyEpoch('float32');
    if ('error' in epoch) throw new Error(epoch.error);
    record('numpy float32', epoch.secondsPerEpoch);
    line.push(`numpy float32 ${epoch.secondsPerEpoch.toFixed(3)} s`);
  }
  console.log(`round ${round + 1}: ${line.join('  ')}`);
}
if (pages.length === 2) {
  // Paired: each round's second build over its first, robust to the drift between rounds.
  const [a, b] = pages.map(({ dist }) => seconds.get(dist)!);
  const ratios = a.map((x, i) => b[i] / x).sort((p, q) => p - q);
  const faster = ratios.filter((r) => r < 1).length;
  console.log(
    `${pages[1].dist} over ${pages[0].dist} round by round: median ${ratios[ratios.length >> 1].toFixed(3)}, ` +
      `faster in ${faster} of ${ratios.length} rounds`,
  );
}
for (const [name, values] of seconds) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${name}: best ${sorted[0].toFixed(3)} s, median ${sorted[sorted.length >> 1].toFixed(3)} s`);
}
for (const close of closers) await close();
