// A network's hidden layers as data (conv, pool, dense) and their canonical text: `conv 8@5x5, pool 2, dense 100`.

/** F filters of K×K over all input channels, stride 1, bias, then ReLU; 'same' zero-pads by (K−1)/2 (K odd). */
export interface ConvLayer {
  readonly kind: 'conv';
  readonly filters: number;
  readonly size: number;
  readonly padding: 'same' | 'valid';
}

/** Max-pooling over S×S windows with stride S; the map size floors (PyTorch's MaxPool2d). */
export interface PoolLayer {
  readonly kind: 'pool';
  readonly size: number;
}

/** N units with bias and ReLU; the output `dense 10` with softmax is implied, never written. */
export interface DenseLayer {
  readonly kind: 'dense';
  readonly units: number;
}

export type Layer = ConvLayer | PoolLayer | DenseLayer;

/** The implied output layer: its units are the class count, softmax instead of ReLU. */
export const OUTPUT_UNITS = 10;

export function formatLayer(layer: Layer): string {
  switch (layer.kind) {
    case 'conv':
      return `conv ${layer.filters}@${layer.size}x${layer.size}${layer.padding === 'valid' ? ' valid' : ''}`;
    case 'pool':
      return `pool ${layer.size}`;
    case 'dense':
      return `dense ${layer.units}`;
  }
}

/** The canonical text of a layer list; the empty list (softmax regression) is the empty string. */
export function formatLayerList(layers: readonly Layer[]): string {
  return layers.map(formatLayer).join(', ');
}

/** The dense-only list of today's hidden sizes ([200, 100, 25] → dense 200, dense 100, dense 25). */
export function denseLayers(hiddenSizes: readonly number[]): Layer[] {
  return hiddenSizes.map((units) => ({ kind: 'dense', units }));
}

/** The hidden sizes of a dense-only list, or null when it has a conv or pool layer. */
export function hiddenSizesOf(layers: readonly Layer[]): number[] | null {
  const sizes: number[] = [];
  for (const layer of layers) {
    if (layer.kind !== 'dense') return null;
    sizes.push(layer.units);
  }
  return sizes;
}
