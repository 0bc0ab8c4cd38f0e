// A run's config in a few words, for the chart legend and the comparison list.
import type { OptimizerName, TrainingConfig } from '../../nn/types';

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  'reference-momentum': 'reference momentum',
  momentum: 'classic momentum',
  adam: 'Adam',
};

export function runLabel(id: number, config: TrainingConfig): string {
  const layers = [784, ...config.hiddenSizes, 10].join('-');
  return `Run ${id}: ${OPTIMIZER_LABELS[config.optimizer]} lr ${config.learningRate}, batch ${config.batchSize}, ${layers}`;
}
