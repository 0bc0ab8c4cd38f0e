// A model's weights: a dense network as NetworkParams (as the app has always held it) or any layer list.
import { formatLayerList } from './layer';
import { fromNetworkParams, toNetworkParams, type LayerNetworkParams } from './layer-network';
import type { NetworkParams } from './types';

/**
 * Dense networks stay NetworkParams everywhere, so every dense path reads them as before; a network with a
 * conv or pool layer is LayerNetworkParams. Readers produce NetworkParams for a dense-only list.
 */
export type ModelParams = NetworkParams | LayerNetworkParams;

export function isDenseParams(params: ModelParams): params is NetworkParams {
  return 'layerSizes' in params;
}

/** The dense network (sharing W and b), or null when the list has a conv or pool layer. */
export function denseParamsOf(params: ModelParams): NetworkParams | null {
  return isDenseParams(params) ? params : toNetworkParams(params);
}

/** Any model as a layer-list network (sharing W and b). */
export function layerParamsOf(params: ModelParams): LayerNetworkParams {
  return isDenseParams(params) ? fromNetworkParams(params) : params;
}

/** The dense form of a dense-only list, the layer-list form otherwise: the one shape each network is held in. */
export function normalizeParams(params: ModelParams): ModelParams {
  return denseParamsOf(params) ?? params;
}

/** The hidden layers as text, e.g. `conv 8@5x5, pool 2, dense 100` or `dense 200, dense 100, dense 25`. */
export function architectureOf(params: ModelParams): string {
  return formatLayerList(layerParamsOf(params).layers);
}

/** How a model names its shape in one line: `784-200-100-25-10` for dense, the layer list otherwise. */
export function modelShapeText(params: ModelParams): string {
  const dense = denseParamsOf(params);
  return dense ? dense.layerSizes.join('-') : architectureOf(params);
}
