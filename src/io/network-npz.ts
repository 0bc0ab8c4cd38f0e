// A network as a NumPy .npz (W{i}, b{i}, and layer_sizes or the architecture layer list), and the validating reverse.
import { formatLayerList } from '../nn/layer';
import type { LayerNetworkParams } from '../nn/layer-network';
import { resolveLayers } from '../nn/layer-shapes';
import { ModelFormatError } from '../nn/model-format-error';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../nn/model-params';
import { transpose } from '../nn/transpose';
import { CLASS_COUNT, INPUT_SIZE, type NetworkParams } from '../nn/types';
import { layerListFromNpz } from './layer-list-npz';
import { dtypeName, unicodeScalar, type NpyArray } from './npy';
import { decodeNpz, DEFAULT_NPZ_LIMITS, encodeNpz, type NpzLimits } from './npz';

const MAX_LAYERS = 64;

/**
 * A dense network: W{i} (units, inputs), b{i} (units, 1), layer_sizes. With conv or pool layers: conv W{i}
 * (F, C_in, K, K) as PyTorch's Conv2d.weight and b{i} (F,), dense as above, and `architecture`, the layer list
 * as a 0-d unicode array.
 */
export function networkToNpz(params: ModelParams): Uint8Array {
  const dense = denseParamsOf(params);
  return dense ? denseToNpz(dense) : layerListToNpz(layerParamsOf(params));
}

function layerListToNpz(params: LayerNetworkParams): Uint8Array {
  const arrays: Record<string, NpyArray> = {};
  for (const step of resolveLayers(params.layers).steps) {
    const i = step.weightIndex;
    if (i < 0) continue;
    const { layer, input } = step;
    const conv = layer.kind === 'conv';
    arrays[`W${i}`] = {
      dtype: '<f4',
      shape: conv
        ? [layer.filters, input.channels, layer.size, layer.size]
        : [step.weightRows, step.weightCols],
      data: params.W[i],
    };
    arrays[`b${i}`] = {
      dtype: '<f4',
      shape: conv ? [step.weightRows] : [step.weightRows, 1],
      data: params.b[i],
    };
  }
  arrays.architecture = unicodeScalar(formatLayerList(params.layers));
  return encodeNpz(arrays);
}

function denseToNpz(params: NetworkParams): Uint8Array {
  const sizes = params.layerSizes;
  const arrays: Record<string, NpyArray> = {};
  for (let l = 0; l + 1 < sizes.length; l++) {
    arrays[`W${l}`] = { dtype: '<f4', shape: [sizes[l + 1], sizes[l]], data: params.W[l] };
    arrays[`b${l}`] = { dtype: '<f4', shape: [sizes[l + 1], 1], data: params.b[l] };
  }
  arrays.layer_sizes = { dtype: '<i4', shape: [sizes.length], data: Int32Array.from(sizes) };
  return encodeNpz(arrays);
}

type Orientation = 'units-inputs' | 'inputs-units';

/**
 * Reads W0, b0, W1, b1, … (and layer_sizes when present). Weights may be float32 or float64 (rounded to float32)
 * and stored (units, inputs) as the design does or (inputs, units); the 784 → … → 10 chain decides which, and
 * only one reading of a file can satisfy it. Every failure names the array, what was expected and what was found.
 */
export function networkFromNpz(bytes: Uint8Array, limits: NpzLimits = DEFAULT_NPZ_LIMITS): ModelParams {
  const arrays = decodeNpz(bytes, limits);
  if (arrays.has('architecture')) return layerListFromNpz(arrays);
  return denseFromNpz(arrays);
}

function denseFromNpz(arrays: Map<string, NpyArray>): NetworkParams {
  const found = [...arrays.keys()].sort().join(', ') || 'no arrays';
  let layers = 0;
  while (arrays.has(`W${layers}`)) layers++;
  if (layers === 0) {
    throw new ModelFormatError(
      `the archive has no array W0; expected W0, b0, W1, b1, … and layer_sizes, found ${found}`,
    );
  }
  if (layers > MAX_LAYERS)
    throw new ModelFormatError(
      `the archive has ${layers} weight arrays; at most ${MAX_LAYERS} layers are read`,
    );
  const W: NpyArray[] = [];
  const b: NpyArray[] = [];
  for (let l = 0; l < layers; l++) {
    const weights = arrays.get(`W${l}`) as NpyArray;
    const bias = arrays.get(`b${l}`);
    if (!bias) throw new ModelFormatError(`the archive has W${l} but no b${l}; found ${found}`);
    requireFloat(`W${l}`, weights);
    requireFloat(`b${l}`, bias);
    if (weights.shape.length === 4) {
      throw new ModelFormatError(
        `W${l} has shape (${weights.shape.join(', ')}), a conv kernel, but the archive has no architecture: add architecture=numpy.array("conv 8@5x5, pool 2, dense 100") naming its layers`,
      );
    }
    if (weights.shape.length !== 2) {
      throw new ModelFormatError(
        `W${l} must be a 2-D matrix (units, inputs), found shape (${weights.shape.join(', ')})`,
      );
    }
    W.push(weights);
    b.push(bias);
  }
  const stray = [...arrays.keys()].find((k) => /^[Wb]\d+$/.test(k) && Number(k.slice(1)) >= layers);
  if (stray) {
    throw new ModelFormatError(
      `the archive has ${stray} but no W${layers}; layers must be numbered from 0 without gaps (found ${found})`,
    );
  }
  const declared = readLayerSizes(arrays.get('layer_sizes'));

  const standard = chainLayerSizes(W, 'units-inputs', declared);
  let orientation: Orientation = 'units-inputs';
  let sizes: number[];
  if (typeof standard !== 'string') {
    sizes = standard;
  } else {
    const transposed = chainLayerSizes(W, 'inputs-units', declared);
    if (typeof transposed === 'string') {
      throw new ModelFormatError(
        `${standard} (nor does the file fit the transposed (inputs, units) layout: ${transposed})`,
      );
    }
    sizes = transposed;
    orientation = 'inputs-units';
  }

  const params: NetworkParams = { layerSizes: sizes, W: [], b: [] };
  for (let l = 0; l < layers; l++) {
    const units = sizes[l + 1];
    const inputs = sizes[l];
    const shape = b[l].shape;
    const biasOk =
      (shape.length === 1 && shape[0] === units) ||
      (shape.length === 2 &&
        ((shape[0] === units && shape[1] === 1) || (shape[0] === 1 && shape[1] === units)));
    if (!biasOk) {
      throw new ModelFormatError(
        `b${l} must have shape (${units}, 1) for a layer of ${units} units, found (${shape.join(', ')})`,
      );
    }
    const weights = toFiniteFloat32(`W${l}`, W[l]);
    if (orientation === 'inputs-units') {
      const standardWeights = new Float32Array(weights.length);
      transpose(standardWeights, weights, inputs, units);
      params.W.push(standardWeights);
    } else {
      params.W.push(weights);
    }
    params.b.push(toFiniteFloat32(`b${l}`, b[l]));
  }
  return params;
}

export function requireFloat(name: string, array: NpyArray): void {
  if (array.dtype !== '<f4' && array.dtype !== '<f8') {
    throw new ModelFormatError(`${name} must be float32 or float64, found ${dtypeName(array.dtype)}`);
  }
}

export function readLayerSizes(array: NpyArray | undefined): number[] | null {
  if (!array) return null;
  if (array.dtype !== '<i4' && array.dtype !== '<i8') {
    throw new ModelFormatError(
      `layer_sizes must hold integers (int32 or int64), found ${dtypeName(array.dtype)}`,
    );
  }
  if (array.shape.length !== 1) {
    throw new ModelFormatError(`layer_sizes must be 1-D, found shape (${array.shape.join(', ')})`);
  }
  return Array.from(array.data as ArrayLike<number | bigint>, Number);
}

/** The layer sizes the weight shapes imply in one orientation, or why they do not chain from 784 to 10. */
function chainLayerSizes(
  W: NpyArray[],
  orientation: Orientation,
  declared: number[] | null,
): number[] | string {
  const sizes = [INPUT_SIZE];
  for (let l = 0; l < W.length; l++) {
    const [rows, cols] = W[l].shape;
    const [units, inputs] = orientation === 'units-inputs' ? [rows, cols] : [cols, rows];
    const inputsNeeded = sizes[l];
    if (inputs !== inputsNeeded) {
      const expected =
        orientation === 'units-inputs' ? `(units, ${inputsNeeded})` : `(${inputsNeeded}, units)`;
      const why =
        l === 0
          ? `the first layer takes the ${INPUT_SIZE} pixels`
          : `W${l - 1} gives ${inputsNeeded} outputs`;
      return `W${l} has shape (${rows}, ${cols}) but ${why}, so it should be ${expected}`;
    }
    if (units < 1) return `W${l} has shape (${rows}, ${cols}): a layer needs at least one unit`;
    sizes.push(units);
  }
  const classes = sizes[sizes.length - 1];
  if (classes !== CLASS_COUNT) {
    return `the last layer W${W.length - 1} has ${classes} units, expected ${CLASS_COUNT} (one per digit)`;
  }
  if (declared && (declared.length !== sizes.length || declared.some((s, i) => s !== sizes[i]))) {
    return `layer_sizes says [${declared.join(', ')}] but the weights chain as [${sizes.join(', ')}]`;
  }
  return sizes;
}

/** Rounds to float32, refusing NaN, infinities and float64 values beyond float32's range. */
export function toFiniteFloat32(name: string, array: NpyArray): Float32Array {
  const source = array.data as Float32Array | Float64Array;
  const out = source instanceof Float32Array ? source : Float32Array.from(source);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      const cols = array.shape.length === 2 ? array.shape[1] : 1;
      const where = array.shape.length === 2 ? `[${Math.floor(i / cols)}, ${i % cols}]` : `[${i}]`;
      const range = Number.isFinite(source[i]) ? ` (beyond float32's range)` : '';
      throw new ModelFormatError(
        `${name}${where} is ${source[i]}${range}; every weight must be a finite number`,
      );
    }
  }
  return out;
}
