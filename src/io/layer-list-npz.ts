// Reads an .npz that names its layers (`architecture`): conv W{i} (F, C_in, K, K), dense W{i} (units, inputs).
import { formatLayer, type Layer } from '../nn/layer';
import { parseLayerList } from '../nn/layer-list';
import { LayerListError } from '../nn/layer-list-error';
import { toNetworkParams, type LayerNetworkParams } from '../nn/layer-network';
import { resolveLayers, type ResolvedLayer } from '../nn/layer-shapes';
import { ModelFormatError } from '../nn/model-format-error';
import type { ModelParams } from '../nn/model-params';
import { readLayerSizes, requireFloat, toFiniteFloat32 } from './network-npz';
import { dtypeName, isUnicode, unicodeText, type NpyArray } from './npy';

/**
 * The layer list decides every shape: each weighted layer's W{i} and b{i} must be exactly what it needs, and
 * no W or b beyond them may exist. A dense-only list gives NetworkParams, as an archive with layer_sizes does.
 */
export function layerListFromNpz(arrays: Map<string, NpyArray>): ModelParams {
  const layers = readArchitecture(arrays.get('architecture') as NpyArray);
  const weighted = resolveLayers(layers).steps.filter((step) => step.weightIndex >= 0);
  const found = [...arrays.keys()].sort().join(', ');
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (const step of weighted) {
    const i = step.weightIndex;
    const weights = arrays.get(`W${i}`);
    const bias = arrays.get(`b${i}`);
    const name = describe(step);
    if (!weights || !bias) {
      throw new ModelFormatError(
        `the architecture has ${weighted.length} layers with weights, but ${weights ? `b${i}` : `W${i}`} (for ${name}) is missing; found ${found}`,
      );
    }
    requireFloat(`W${i}`, weights);
    requireFloat(`b${i}`, bias);
    const expected = kernelShape(step);
    if (!sameShape(weights.shape, expected)) {
      throw new ModelFormatError(
        `W${i} has shape (${weights.shape.join(', ')}) but ${name} needs (${expected.join(', ')})${step.layer.kind === 'conv' ? ' (filters, input channels, height, width), as PyTorch’s Conv2d.weight' : ' (units, inputs)'}`,
      );
    }
    const units = step.weightRows;
    if (!(
      sameShape(bias.shape, [units]) ||
      sameShape(bias.shape, [units, 1]) ||
      sameShape(bias.shape, [1, units])
    )) {
      throw new ModelFormatError(
        `b${i} has shape (${bias.shape.join(', ')}) but ${name} needs (${units},) or (${units}, 1)`,
      );
    }
    W.push(toFiniteFloat32(`W${i}`, weights));
    b.push(toFiniteFloat32(`b${i}`, bias));
  }
  const stray = [...arrays.keys()].find((k) => /^[Wb]\d+$/.test(k) && Number(k.slice(1)) >= weighted.length);
  if (stray) {
    throw new ModelFormatError(
      `the archive has ${stray}, but its architecture has only ${weighted.length} layers with weights (W0 to W${weighted.length - 1})`,
    );
  }
  const params: LayerNetworkParams = { layers, W, b };
  const dense = toNetworkParams(params);
  const declared = readLayerSizes(arrays.get('layer_sizes'));
  if (declared) {
    const sizes = dense?.layerSizes;
    if (!sizes || declared.length !== sizes.length || declared.some((s, i) => s !== sizes[i])) {
      throw new ModelFormatError(
        `layer_sizes says [${declared.join(', ')}] but the architecture is "${arrays.has('architecture') ? readText(arrays.get('architecture') as NpyArray) : ''}"${sizes ? `, layers [${sizes.join(', ')}]` : ', which has conv or pool layers'}`,
      );
    }
  }
  return dense ?? params;
}

function readText(array: NpyArray): string {
  if (!isUnicode(array.dtype) || array.shape.reduce((n, d) => n * d, 1) !== 1) {
    throw new ModelFormatError(
      `architecture must be one string, numpy.array("conv 8@5x5, pool 2, dense 100"), found a ${dtypeName(array.dtype)} array of shape (${array.shape.join(', ')})`,
    );
  }
  return unicodeText(array);
}

function readArchitecture(array: NpyArray): Layer[] {
  const text = readText(array);
  try {
    return parseLayerList(text);
  } catch (error) {
    if (error instanceof LayerListError) {
      throw new ModelFormatError(`the architecture "${text}" cannot be read: ${error.message}`);
    }
    throw error;
  }
}

function kernelShape(step: ResolvedLayer): number[] {
  const { layer, input } = step;
  if (layer.kind === 'conv') return [layer.filters, input.channels, layer.size, layer.size];
  return [step.weightRows, step.weightCols];
}

function describe(step: ResolvedLayer): string {
  const { input } = step;
  const map = `${input.channels}x${input.height}x${input.width}`;
  const name = step.relu ? formatLayer(step.layer) : `the output layer (${formatLayer(step.layer)})`;
  return `${name} on its ${map} input`;
}

function sameShape(shape: readonly number[], expected: readonly number[]): boolean {
  return shape.length === expected.length && shape.every((d, i) => d === expected[i]);
}
