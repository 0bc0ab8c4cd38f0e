// A run's starting point: the layers a config names and the seed's initial weights for them.
import { hiddenSizesOf, type Layer } from '../nn/layer';
import { parseLayerList } from '../nn/layer-list';
import { createLayerNetwork } from '../nn/layer-network';
import type { ModelParams } from '../nn/model-params';
import { createNetwork } from '../nn/network';
import { CLASS_COUNT, INPUT_SIZE, type TrainingConfig } from '../nn/types';

/** The layers of a config whose list has a conv or pool layer; null for a dense network (hiddenSizes). */
export function convLayersOf(config: TrainingConfig): Layer[] | null {
  if (config.layers === undefined) return null;
  const layers = parseLayerList(config.layers);
  return hiddenSizesOf(layers) === null ? layers : null;
}

/** The seed's initial weights for `config`: the dense network, or the layer-list network of a CNN. */
export function initialNetwork(config: TrainingConfig): ModelParams {
  const layers = convLayersOf(config);
  if (layers !== null) return createLayerNetwork(layers, config.seed);
  return createNetwork([INPUT_SIZE, ...config.hiddenSizes, CLASS_COUNT], config.seed);
}
