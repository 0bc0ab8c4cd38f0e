// The checks deserializeModel applies to a .dlm header: sizes, tensor shapes that chain, a usable training config.
import { augmentationProblem } from './augmentation';
import { formatLayerList, type Layer } from './layer';
import { parseLayerList } from './layer-list';
import type { LayerPlan } from './layer-shapes';
import { ModelFormatError } from './model-format-error';
import type { OptimizerName, TrainingConfig } from './types';

const MAX_LAYER_SIZE = 1 << 16;
const MAX_LAYERS = 64;
const INPUTS = 784;
const CLASSES = 10;
const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'reference-momentum', 'momentum', 'adam'];

export interface TensorEntry {
  name: string;
  shape: [number, number];
}

/** How a tensor's numbers are stored: float16 halves the file, and is decoded to float32 on reading. */
export type TensorDtype = 'float32' | 'float16';
export const BYTES_PER_VALUE: Readonly<Record<TensorDtype, number>> = { float32: 4, float16: 2 };

export function tensorEntries(layerSizes: readonly number[]): TensorEntry[] {
  const entries: TensorEntry[] = [];
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    entries.push({ name: `W${l}`, shape: [layerSizes[l + 1], layerSizes[l]] });
    entries.push({ name: `b${l}`, shape: [layerSizes[l + 1], 1] });
  }
  return entries;
}

/** A layer list's tensors: conv W (F, C_in·K·K) as PyTorch's (F, C_in, K, K) flattened, dense (units, inputs). */
export function layerTensorEntries(plan: LayerPlan): TensorEntry[] {
  const entries: TensorEntry[] = [];
  for (const step of plan.steps) {
    if (step.weightIndex < 0) continue;
    entries.push({ name: `W${step.weightIndex}`, shape: [step.weightRows, step.weightCols] });
    entries.push({ name: `b${step.weightIndex}`, shape: [step.weightRows, 1] });
  }
  return entries;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkLayerSizes(layerSizes: readonly unknown[]): asserts layerSizes is number[] {
  if (layerSizes.length < 2 || layerSizes.length > MAX_LAYERS) {
    throw new ModelFormatError(
      `expected between 2 and ${MAX_LAYERS} layer sizes, found ${layerSizes.length}`,
    );
  }
  layerSizes.forEach((size, i) => {
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_LAYER_SIZE) {
      throw new ModelFormatError(
        `layer ${i} has size ${JSON.stringify(size)}; sizes are integers from 1 to ${MAX_LAYER_SIZE}`,
      );
    }
  });
  if (layerSizes[0] !== INPUTS || layerSizes[layerSizes.length - 1] !== CLASSES) {
    throw new ModelFormatError(
      `a Digit Lab network takes ${INPUTS} inputs and gives ${CLASSES} classes; this one is ${layerSizes.join('-')}`,
    );
  }
}

/** Checks the header's tensor list against the layers and returns each tensor's dtype (one of `dtypes`). */
export function checkTensors(
  tensors: unknown,
  expected: readonly TensorEntry[],
  networkName: string,
  dtypes: readonly TensorDtype[],
): TensorDtype[] {
  if (!Array.isArray(tensors) || tensors.length !== expected.length) {
    throw new ModelFormatError(
      `a ${networkName} network has ${expected.length} tensors, the header lists ${Array.isArray(tensors) ? tensors.length : 'none'}`,
    );
  }
  return expected.map((entry, i) => {
    const found: unknown = tensors[i];
    const shape = isRecord(found) ? found.shape : undefined;
    const ok =
      isRecord(found) &&
      found.name === entry.name &&
      Array.isArray(shape) &&
      shape.length === 2 &&
      shape[0] === entry.shape[0] &&
      shape[1] === entry.shape[1];
    if (!ok) {
      throw new ModelFormatError(
        `tensor ${i} should be ${entry.name} of shape [${entry.shape.join(', ')}] so the layers chain, found ${JSON.stringify(found)}`,
      );
    }
    const dtype = found.dtype as TensorDtype;
    if (!dtypes.includes(dtype)) {
      throw new ModelFormatError(
        `tensor ${entry.name} has dtype ${JSON.stringify(found.dtype)}; this file version stores ${dtypes.join(' or ')}`,
      );
    }
    return dtype;
  });
}

/** `layers` are the model's layers; a dense model also passes its layerSizes, which hiddenSizes must match. */
export function checkConfig(
  config: unknown,
  layers: readonly Layer[],
  layerSizes: number[] | null,
): TrainingConfig {
  if (!isRecord(config)) throw new ModelFormatError('"config" must be an object or null');
  const numbers = ['learningRate', 'beta1', 'beta2', 'epsilon', 'batchSize', 'epochs', 'l2', 'seed'] as const;
  for (const key of numbers) {
    if (typeof config[key] !== 'number' || !Number.isFinite(config[key])) {
      throw new ModelFormatError(
        `config.${key} must be a finite number, found ${JSON.stringify(config[key])}`,
      );
    }
  }
  if (!OPTIMIZERS.includes(config.optimizer as OptimizerName)) {
    throw new ModelFormatError(
      `config.optimizer must be one of ${OPTIMIZERS.join(', ')}, found ${JSON.stringify(config.optimizer)}`,
    );
  }
  const decay = config.learningRateDecay;
  if (decay !== undefined && !(typeof decay === 'number' && decay > 0 && decay <= 1)) {
    throw new ModelFormatError(
      `config.learningRateDecay must be a number above 0 and at most 1 when present, found ${JSON.stringify(decay)}`,
    );
  }
  const augmentationError =
    config.augmentation === undefined ? null : augmentationProblem(config.augmentation);
  if (augmentationError !== null) throw new ModelFormatError(`config.${augmentationError}`);
  const architecture = formatLayerList(layers);
  if (config.layers !== undefined && !sameLayerList(config.layers, architecture)) {
    throw new ModelFormatError(
      `config.layers should be "${architecture}" to match the model's layers, found ${JSON.stringify(config.layers)}`,
    );
  }
  const hidden = config.hiddenSizes;
  if (layerSizes === null) {
    if (!Array.isArray(hidden) || hidden.some((h) => !Number.isInteger(h) || (h as number) < 1)) {
      throw new ModelFormatError(
        `config.hiddenSizes must be an array of positive integers, found ${JSON.stringify(hidden)}`,
      );
    }
    // The layer list is the network: a config written without it reads as the file's own list.
    return { ...(config as unknown as TrainingConfig), layers: architecture };
  }
  const expectedHidden = layerSizes.slice(1, -1);
  if (
    !Array.isArray(hidden) ||
    hidden.length !== expectedHidden.length ||
    hidden.some((h, i) => h !== expectedHidden[i])
  ) {
    throw new ModelFormatError(
      `config.hiddenSizes should be [${expectedHidden.join(', ')}] to match the layers, found ${JSON.stringify(hidden)}`,
    );
  }
  return config as unknown as TrainingConfig;
}

function sameLayerList(text: unknown, architecture: string): boolean {
  if (typeof text !== 'string') return false;
  try {
    return formatLayerList(parseLayerList(text)) === architecture;
  } catch {
    // A list that cannot be read is a mismatch: the caller names what was expected.
    return false;
  }
}
