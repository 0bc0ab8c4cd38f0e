// A network's layer list as the model file writes it ("dense 200, dense 100, dense 25"), and reading it back.
import type { Layer } from './layer';
import { parseLayerList } from './layer-list';
import { LayerListError } from './layer-list-error';
import { ModelFormatError } from './model-format-error';

export { formatLayerList } from './layer';

/** The hidden layers of a dense network; the empty string is softmax regression (no hidden layer). */
export function denseArchitecture(hiddenSizes: readonly number[]): string {
  return hiddenSizes.map((units) => `dense ${units}`).join(', ');
}

/** The hidden layer sizes an architecture string names; only dense layers are known so far. */
export function parseArchitecture(text: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const layer = part.trim();
    const dense = /^dense ([1-9]\d{0,8})$/.exec(layer);
    if (!dense) {
      throw new ModelFormatError(
        `the architecture lists the layer ${JSON.stringify(layer)}; this Digit Lab reads "dense N" layers, comma-separated`,
      );
    }
    return Number(dense[1]);
  });
}

/** Checks an architecture string against the layer sizes the same header gives. */
export function checkArchitecture(architecture: unknown, layerSizes: readonly number[]): void {
  if (typeof architecture !== 'string') {
    throw new ModelFormatError(
      `"architecture" must be a string such as "dense 200, dense 100", found ${JSON.stringify(architecture)}`,
    );
  }
  const hidden = parseArchitecture(architecture);
  const expected = layerSizes.slice(1, -1);
  if (hidden.length !== expected.length || hidden.some((units, i) => units !== expected[i])) {
    throw new ModelFormatError(
      `the architecture "${architecture}" does not match layerSizes ${layerSizes.join('-')}, which has the hidden layers "${denseArchitecture(expected)}"`,
    );
  }
}

/** Any layer list a file names (conv, pool, dense); one that cannot work is a ModelFormatError saying why. */
export function parseModelArchitecture(architecture: unknown, where = 'the architecture'): Layer[] {
  if (typeof architecture !== 'string') {
    throw new ModelFormatError(
      `${where} must be a string such as "conv 8@5x5, pool 2, dense 100", found ${JSON.stringify(architecture)}`,
    );
  }
  try {
    return parseLayerList(architecture);
  } catch (error) {
    if (error instanceof LayerListError) {
      throw new ModelFormatError(`${where} "${architecture}" cannot be read: ${error.message}`);
    }
    throw error;
  }
}
