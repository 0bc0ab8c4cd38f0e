// Resolves a layer list against the input image: every layer's input and output shape and its weights' shape.
import { formatLayer, OUTPUT_UNITS, type Layer } from './layer';
import { LayerListError } from './layer-list-error';

/** A map of channels × height × width, stored channel-major (C, H, W); a dense layer's N units are N×1×1. */
export interface Shape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** One grey 28×28 digit. */
export const INPUT_SHAPE: Shape = { channels: 1, height: 28, width: 28 };

/** More weights than this (100 MB of float32, four times that with Adam's moments) are refused. */
export const MAX_PARAMETERS = 25_000_000;
/** More activations per sample than this (256 MiB for the outputs and their gradients at batch 128) are refused. */
export const MAX_ACTIVATIONS_PER_SAMPLE = 262_144;

export interface ResolvedLayer {
  /** The layer as written; the implied output layer is `dense 10`. */
  readonly layer: Layer;
  readonly input: Shape;
  readonly output: Shape;
  /** Index into the network's W and b, or −1 for a layer without weights (pool). */
  readonly weightIndex: number;
  /** W is weightRows × weightCols row-major: conv (F, C·K·K) as PyTorch's (F, C, K, K); dense (units, inputs). */
  readonly weightRows: number;
  readonly weightCols: number;
  /** ReLU after the layer: every conv and hidden dense layer; the output layer has softmax instead. */
  readonly relu: boolean;
}

export interface LayerPlan {
  readonly input: Shape;
  /** The hidden layers as written, then the output layer. */
  readonly steps: readonly ResolvedLayer[];
  readonly parameterCount: number;
  /** Floats of every layer's output for one sample (each has a gradient of the same size in training). */
  readonly activationsPerSample: number;
}

export function sizeOf(shape: Shape): number {
  return shape.channels * shape.height * shape.width;
}

/** Throws LayerListError for a list that cannot work: a bad size, a 0x0 map, a conv after dense, too large. */
export function resolveLayers(layers: readonly Layer[], input: Shape = INPUT_SHAPE): LayerPlan {
  const last = layers.at(-1);
  if (last?.kind === 'dense' && last.units === OUTPUT_UNITS) {
    throw new LayerListError(
      `the output layer (dense ${OUTPUT_UNITS} with softmax) is added for you: leave out the trailing dense ${OUTPUT_UNITS}`,
    );
  }
  const steps: ResolvedLayer[] = [];
  let shape = input;
  let weights = 0;
  let parameterCount = 0;
  let activationsPerSample = 0;
  let seenDense: Layer | null = null;
  const all: Layer[] = [...layers, { kind: 'dense', units: OUTPUT_UNITS }];
  for (let i = 0; i < all.length; i++) {
    const layer = all[i];
    const output = outputShape(layer, shape, seenDense);
    if (layer.kind === 'dense') seenDense = layer;
    const weighted = layer.kind !== 'pool';
    const weightRows = layer.kind === 'conv' ? layer.filters : layer.kind === 'dense' ? layer.units : 0;
    const weightCols =
      layer.kind === 'conv' ? shape.channels * layer.size * layer.size : weighted ? sizeOf(shape) : 0;
    steps.push({
      layer,
      input: shape,
      output,
      weightIndex: weighted ? weights++ : -1,
      weightRows,
      weightCols,
      relu: weighted && i < layers.length,
    });
    parameterCount += weightRows * (weightCols + 1);
    activationsPerSample += sizeOf(output);
    shape = output;
  }
  checkBudget(parameterCount, activationsPerSample);
  return { input, steps, parameterCount, activationsPerSample };
}

function outputShape(layer: Layer, input: Shape, seenDense: Layer | null): Shape {
  const name = formatLayer(layer);
  if (layer.kind === 'dense') {
    checkCount(layer.units, 'units', name);
    return { channels: layer.units, height: 1, width: 1 };
  }
  if (seenDense !== null) {
    throw new LayerListError(
      `${name} comes after ${formatLayer(seenDense)}: a dense layer flattens the map, so conv and pool layers go before every dense layer`,
    );
  }
  const inputSize = `${input.height}x${input.width}`;
  if (layer.kind === 'pool') {
    checkCount(layer.size, 'window size', name);
    const height = Math.floor(input.height / layer.size);
    const width = Math.floor(input.width / layer.size);
    if (height < 1 || width < 1) {
      throw new LayerListError(`${name} leaves a 0x0 map: its input is ${inputSize}`);
    }
    return { channels: input.channels, height, width };
  }
  checkCount(layer.filters, 'filters', name);
  checkCount(layer.size, 'filter size', name);
  if (layer.padding === 'same') {
    if (layer.size % 2 === 0) {
      throw new LayerListError(
        `${name}: 'same' padding needs an odd filter size (${layer.size} is even); use an odd size or add 'valid'`,
      );
    }
    return { channels: layer.filters, height: input.height, width: input.width };
  }
  const height = input.height - layer.size + 1;
  const width = input.width - layer.size + 1;
  if (height < 1 || width < 1) {
    throw new LayerListError(`${name} leaves a 0x0 map: its input is ${inputSize}, smaller than the filter`);
  }
  return { channels: layer.filters, height, width };
}

function checkCount(value: number, what: string, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new LayerListError(`${name}: the ${what} must be a whole number, at least 1`);
  }
}

function checkBudget(parameters: number, activations: number): void {
  const megabytes = (floats: number) => `${Math.round((floats * 4) / 2 ** 20).toLocaleString('en-US')} MB`;
  const count = (n: number) => n.toLocaleString('en-US');
  if (parameters > MAX_PARAMETERS) {
    throw new LayerListError(
      `the network is too large: ${count(parameters)} weights (${megabytes(parameters)}), the limit is ${count(MAX_PARAMETERS)}; use fewer filters or units`,
    );
  }
  if (activations > MAX_ACTIVATIONS_PER_SAMPLE) {
    throw new LayerListError(
      `the network is too large: ${count(activations)} activations per sample (${megabytes(2 * 128 * activations)} with their gradients at batch 128), the limit is ${count(MAX_ACTIVATIONS_PER_SAMPLE)}; use fewer filters or pool earlier`,
    );
  }
}
