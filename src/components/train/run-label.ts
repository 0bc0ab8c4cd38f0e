// A run's config in a few words, for the chart legend and the comparison list.
import type { OptimizerName, TrainingConfig } from '../../nn/types';

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  'reference-momentum': 'reference momentum',
  momentum: 'classic momentum',
  adam: 'Adam',
};

/** This session's runs count 1, 2, 3…; a run reopened from a saved model has a negative id and no number. */
export function runName(id: number): string {
  return id > 0 ? `Run ${id}` : 'Saved run';
}

export function runLabel(id: number, config: TrainingConfig): string {
  const layers = [784, ...config.hiddenSizes, 10].join('-');
  return `${runName(id)}: ${OPTIMIZER_LABELS[config.optimizer]} lr ${config.learningRate}, batch ${config.batchSize}, ${layers}`;
}
