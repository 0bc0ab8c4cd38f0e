// Checks a training config field by field, so the form can show each message next to its field.
import { augmentationProblem } from '../nn/augmentation';
import { denseLayers, formatLayerList, hiddenSizesOf } from '../nn/layer';
import { parseLayerList } from '../nn/layer-list';
import { LayerListError } from '../nn/layer-list-error';
import type { OptimizerName, TrainingConfig } from '../nn/types';
import { TrainerError } from './trainer-error';

export type ConfigErrors = Partial<Record<keyof TrainingConfig, string>>;

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'reference-momentum', 'momentum', 'adam'];
/** Wider layers than this would take minutes per epoch and hundreds of MB in a browser tab. */
export const MAX_LAYER_UNITS = 4096;
export const MAX_HIDDEN_LAYERS = 8;
export const MAX_EPOCHS = 1000;

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function inUnitInterval(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value < 1;
}

/** Every problem of `config`, keyed by field; empty when it can be trained on `trainCount` digits. */
export function configErrors(config: TrainingConfig, trainCount: number): ConfigErrors {
  const errors: ConfigErrors = {};
  const hidden = config.hiddenSizes;
  if (hidden.length > MAX_HIDDEN_LAYERS) {
    errors.hiddenSizes = `At most ${MAX_HIDDEN_LAYERS} hidden layers.`;
  } else if (hidden.some((units) => !isPositiveInteger(units))) {
    errors.hiddenSizes = 'Every hidden layer needs a whole number of units, at least 1.';
  } else if (hidden.some((units) => units > MAX_LAYER_UNITS)) {
    errors.hiddenSizes = `At most ${MAX_LAYER_UNITS} units per layer.`;
  }
  if (config.augmentation !== undefined) {
    const problem = augmentationProblem(config.augmentation);
    if (problem !== null) errors.augmentation = `The ${problem}.`;
  }
  const layersError = layerListError(config);
  if (layersError !== null) errors.layers = layersError;
  if (!OPTIMIZERS.includes(config.optimizer)) errors.optimizer = `Unknown optimizer "${config.optimizer}".`;
  if (!Number.isFinite(config.learningRate) || config.learningRate <= 0) {
    errors.learningRate = 'The learning rate must be a number above 0.';
  }
  if (!inUnitInterval(config.beta1)) errors.beta1 = 'Momentum / beta1 must be at least 0 and below 1.';
  if (!inUnitInterval(config.beta2)) errors.beta2 = 'Beta2 must be at least 0 and below 1.';
  if (!Number.isFinite(config.epsilon) || config.epsilon <= 0) errors.epsilon = 'Epsilon must be above 0.';
  if (!isPositiveInteger(config.batchSize)) {
    errors.batchSize = 'The batch size must be a whole number, at least 1.';
  } else if (trainCount > 0 && config.batchSize > trainCount) {
    errors.batchSize = `The batch cannot be larger than the ${trainCount.toLocaleString('en-US')} training digits.`;
  }
  if (!isPositiveInteger(config.epochs) || config.epochs > MAX_EPOCHS) {
    errors.epochs = `Epochs must be a whole number from 1 to ${MAX_EPOCHS}.`;
  }
  if (!Number.isFinite(config.l2) || config.l2 < 0) errors.l2 = 'L2 must be 0 (off) or a positive number.';
  const decay = config.learningRateDecay;
  if (decay !== undefined && !(decay > 0 && decay <= 1)) {
    errors.learningRateDecay = 'The learning-rate decay per epoch must be above 0 and at most 1.';
  }
  if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > 0xffffffff) {
    errors.seed = 'The seed must be a whole number from 0 to 4294967295.';
  }
  return errors;
}

/** A config's layer list must work; a dense-only one must be the same network as hiddenSizes. */
function layerListError(config: TrainingConfig): string | null {
  if (config.layers === undefined) return null;
  let sizes: number[] | null;
  try {
    sizes = hiddenSizesOf(parseLayerList(config.layers));
  } catch (error) {
    if (error instanceof LayerListError) return error.message;
    throw error;
  }
  if (sizes === null) return null;
  const hidden = config.hiddenSizes;
  if (sizes.length !== hidden.length || sizes.some((units, i) => units !== hidden[i])) {
    return `The layer list "${config.layers}" is not the hidden sizes ${JSON.stringify(hidden)} (${formatLayerList(denseLayers(hidden))}).`;
  }
  return null;
}

/** Throws a TrainerError naming every bad field; the worker's guard against a config the form let through. */
export function assertValidConfig(config: TrainingConfig, trainCount: number): void {
  const errors = Object.entries(configErrors(config, trainCount));
  if (errors.length > 0) {
    throw new TrainerError(
      `The training settings cannot be used: ${errors.map(([field, message]) => `${field}: ${message}`).join(' ')}`,
    );
  }
}
