// Training on distorted digits in the built app in Chromium: a run of 938 steps on two workers, each distorting its
// own rows, repeats exactly for its seed (the distortions depend on the seed, the epoch and the sample alone) and
// differs for another seed; the Train place shows digits beside their distortions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BenchEpochResult } from '../../src/bench/bench-hook';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { REFERENCE_CONFIG, type TrainingConfig } from '../../src/nn/types';
import { launchBrowser, openApp, startStaticServer, unexpectedErrors, type StaticServer } from './harness';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const config: TrainingConfig = {
  ...REFERENCE_CONFIG,
  hiddenSizes: [32],
  optimizer: 'adam',
  learningRate: 0.003,
  batchSize: 64,
  epochs: 1,
  seed: 5,
  augmentation: DEFAULT_AUGMENTATION,
};

describe('training on distorted digits', () => {
  it('repeats a two-worker run exactly for its seed, and differs for another', async () => {
    // ?bench installs the hook the benchmark drives the app's own Start path with (src/bench/bench-hook.ts).
    const app = await openApp(browser, server, '?bench#/train');
    const { page } = app;
    await page.waitForFunction(() => window.__digitLabBench !== undefined, undefined, { timeout: 60_000 });
    const run = (c: TrainingConfig) =>
      page.evaluate((c) => window.__digitLabBench!.trainEpoch(c, 0, 2), c) as Promise<BenchEpochResult>;
    const first = await run(config);
    const again = await run(config);
    const otherSeed = await run({ ...config, seed: 6 });
    expect(first.workers).toBe(2);
    expect(again.workers).toBe(2);
    // 938 steps of 64 distorted digits learn, and the same seed gives the same network to the last digit.
    expect(first.testAccuracy).toBeGreaterThan(0.85);
    expect(again.testAccuracy).toBe(first.testAccuracy);
    expect(otherSeed.testAccuracy).not.toBe(first.testAccuracy);
    console.log(
      `augmented epoch on 2 workers: ${first.secondsPerEpoch.toFixed(2)} s, ${(first.testAccuracy * 100).toFixed(2)}% ` +
        `(again ${(again.testAccuracy * 100).toFixed(2)}%, seed 6 ${(otherSeed.testAccuracy * 100).toFixed(2)}%)`,
    );

    // The dataset card shows what the network trains on.
    const preview = page.getByTestId('augmentation-preview');
    await preview.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => preview.getByRole('img', { name: /distorted for epoch 1/ }).count(), { timeout: 30_000 })
      .toBe(8);
    await preview.getByRole('button', { name: 'Show epoch 2' }).click();
    await expect
      .poll(() => preview.getByRole('img', { name: /distorted for epoch 2/ }).count(), { timeout: 30_000 })
      .toBe(8);
    expect(unexpectedErrors(app.consoleErrors)).toEqual([]);
    await app.close();
  }, 300_000);
});
