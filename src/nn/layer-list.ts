// Reads the layer list people write (`conv 8@5x5, pool 2, dense 100`) into layers, refusing one that cannot work.
import type { Layer } from './layer';
import { LayerListError } from './layer-list-error';
import { INPUT_SHAPE, resolveLayers, type Shape } from './layer-shapes';

const CONV = /^conv\s*(\d+)\s*@\s*(\d+)\s*x\s*(\d+)\s*(same|valid)?$/;
const POOL = /^pool\s*(\d+)$/;
const DENSE = /^dense\s*(\d+)$/;
const FORMS = 'conv F@KxK, conv F@KxK valid, pool S or dense N';

/**
 * The layers of a comma-separated list; spacing and case are free and `×` reads as `x`. The empty list is
 * softmax regression. Throws LayerListError, whose message says why, for anything that cannot be trained on
 * `input`-shaped images (see resolveLayers for the shape and size checks).
 */
export function parseLayerList(text: string, input: Shape = INPUT_SHAPE): Layer[] {
  const normalised = text.toLowerCase().replace(/×/g, 'x').trim();
  const layers = normalised === '' ? [] : normalised.split(',').map((item, i) => parseLayer(item.trim(), i));
  resolveLayers(layers, input);
  return layers;
}

function parseLayer(item: string, index: number): Layer {
  if (item === '') {
    throw new LayerListError(`layer ${index + 1} is empty: write layers between the commas, e.g. pool 2`);
  }
  const conv = CONV.exec(item);
  if (conv) {
    const [filters, size, other] = [conv[1], conv[2], conv[3]].map(Number);
    if (size !== other) {
      throw new LayerListError(`"${item}": filters are square, write ${size}x${size} or ${other}x${other}`);
    }
    return { kind: 'conv', filters, size, padding: conv[4] === 'valid' ? 'valid' : 'same' };
  }
  const pool = POOL.exec(item);
  if (pool) return { kind: 'pool', size: Number(pool[1]) };
  const dense = DENSE.exec(item);
  if (dense) return { kind: 'dense', units: Number(dense[1]) };
  const word = /^[a-z]+/.exec(item)?.[0];
  if (word === 'conv' || word === 'pool' || word === 'dense') {
    throw new LayerListError(`"${item}" is not a ${word} layer: write ${FORMS}, e.g. conv 8@5x5`);
  }
  throw new LayerListError(`"${item}" is not a layer: write ${FORMS}`);
}
