// A network over a layer list: its parameters (W[i], b[i] per weighted layer), He initialisation and conversions.
import { denseLayers, hiddenSizesOf, OUTPUT_UNITS, type Layer } from './layer';
import { INPUT_SHAPE, resolveLayers, sizeOf, type LayerPlan, type Shape } from './layer-shapes';
import { SeededRandom } from './random';
import type { NetworkParams } from './types';

/**
 * The layers as written (the output `dense 10` implied) and, per weighted layer in order (the output layer
 * last), W[i] and b[i]: conv (F, C·K·K) and (F), dense (units, inputs) and (units). For a dense-only list
 * W and b are exactly NetworkParams' W and b.
 */
export interface LayerNetworkParams {
  readonly layers: readonly Layer[];
  readonly W: Float32Array[];
  readonly b: Float32Array[];
}

/**
 * W[i] from N(0, sqrt(2 / n_in)) with n_in = K·K·C_in for conv and the inputs for dense (He), b[i] = 0, drawn
 * layer by layer from one generator: a dense-only list gets createNetwork's weights bit for bit.
 */
export function createLayerNetwork(
  layers: readonly Layer[],
  seed: number,
  input: Shape = INPUT_SHAPE,
): LayerNetworkParams {
  const plan = resolveLayers(layers, input);
  const random = new SeededRandom(seed);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (const step of plan.steps) {
    if (step.weightIndex < 0) continue;
    const weights = new Float32Array(step.weightRows * step.weightCols);
    random.fillNormals(weights, Math.sqrt(2 / step.weightCols));
    W.push(weights);
    b.push(new Float32Array(step.weightRows));
  }
  return { layers: [...layers], W, b };
}

export function cloneLayerParams(p: LayerNetworkParams): LayerNetworkParams {
  return { layers: [...p.layers], W: p.W.map((w) => w.slice()), b: p.b.map((v) => v.slice()) };
}

/** Today's NetworkParams for a dense-only network (sharing W and b, not copies), or null with conv or pool. */
export function toNetworkParams(p: LayerNetworkParams, input: Shape = INPUT_SHAPE): NetworkParams | null {
  const hidden = hiddenSizesOf(p.layers);
  if (hidden === null) return null;
  return { layerSizes: [sizeOf(input), ...hidden, OUTPUT_UNITS], W: p.W, b: p.b };
}

/** A dense network as a layer-list network (sharing W and b). */
export function fromNetworkParams(p: NetworkParams): LayerNetworkParams {
  if (p.layerSizes.at(-1) !== OUTPUT_UNITS) {
    throw new Error(
      `a layer-list network ends in ${OUTPUT_UNITS} classes, this one in ${p.layerSizes.at(-1)}`,
    );
  }
  return { layers: denseLayers(p.layerSizes.slice(1, -1)), W: p.W, b: p.b };
}

/** Throws unless W and b have the lengths the plan of `params.layers` gives them. */
export function checkLayerParams(params: LayerNetworkParams, plan: LayerPlan): void {
  const weighted = plan.steps.filter((step) => step.weightIndex >= 0);
  const fits =
    weighted.length === params.W.length &&
    weighted.length === params.b.length &&
    weighted.every(
      (step, i) =>
        params.W[i].length === step.weightRows * step.weightCols && params.b[i].length === step.weightRows,
    );
  if (!fits) throw new Error('the weights do not have the shapes the layer list gives them');
}
