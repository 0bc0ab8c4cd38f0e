// The augmentation part of `npm run bench`: epochs on distorted digits against plain ones (two each, plain first
// and last), in the app's worker in Chromium on every core, for the reference network and the CNN preset
// (targets: at most 2× and 1.25×).
import { DEFAULT_AUGMENTATION } from '../src/nn/augmentation';
import { REFERENCE_CONFIG, type TrainingConfig } from '../src/nn/types';
import { presetById } from '../src/state/training-presets';
import { timeEpochs, withBenchPage } from './chromium';

export interface AugmentationCost {
  readonly network: string;
  readonly plainSeconds: number;
  readonly augmentedSeconds: number;
  /** augmentedSeconds / plainSeconds. */
  readonly ratio: number;
  readonly target: number;
  readonly workers: number;
}

/** Steps before each timed epoch, on a throwaway run (the JIT and the helpers settle). */
const WARM_UP_STEPS = 60;

export async function runAugmentationBench(
  reuseBuild: boolean,
): Promise<AugmentationCost[] | { error: string }> {
  const cnn = presetById('cnn')?.config;
  if (!cnn) return { error: 'the CNN preset is missing' };
  const networks: [string, TrainingConfig, number][] = [
    ['reference 784-200-100-25-10', { ...REFERENCE_CONFIG, epochs: 1 }, 2],
    ['CNN preset', { ...cnn, epochs: 1 }, 1.25],
  ];
  try {
    return await withBenchPage({ reuseBuild }, async (bench) => {
      const costs: AugmentationCost[] = [];
      for (const [network, config, target] of networks) {
        const augmentedConfig = { ...config, augmentation: DEFAULT_AUGMENTATION };
        // Plain, augmented, augmented, plain: a machine that drifts faster or slower over the minutes of a
        // run weighs on both sides alike.
        const epoch = async (c: TrainingConfig) => (await timeEpochs(bench, c, WARM_UP_STEPS, ['all']))[0];
        const plainFirst = await epoch(config);
        const augmentedFirst = await epoch(augmentedConfig);
        const augmentedSecond = await epoch(augmentedConfig);
        const plainSecond = await epoch(config);
        const plainSeconds = (plainFirst.secondsPerEpoch + plainSecond.secondsPerEpoch) / 2;
        const augmentedSeconds = (augmentedFirst.secondsPerEpoch + augmentedSecond.secondsPerEpoch) / 2;
        costs.push({
          network,
          plainSeconds,
          augmentedSeconds,
          ratio: augmentedSeconds / plainSeconds,
          target,
          workers: augmentedFirst.workers,
        });
      }
      return costs;
    });
  } catch (error) {
    return { error: `the Chromium run failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function augmentationReport(costs: AugmentationCost[] | { error: string }): string {
  if (!Array.isArray(costs)) return `augmentation: ${costs.error}\n`;
  return (
    costs
      .map(
        (c) =>
          `augmented epoch, ${c.network} (Chromium, ${c.workers} workers): ${c.augmentedSeconds.toFixed(2)} s ` +
          `against ${c.plainSeconds.toFixed(2)} s plain, ${c.ratio.toFixed(2)}× (target at most ${c.target}×)`,
      )
      .join('\n') + '\n'
  );
}
