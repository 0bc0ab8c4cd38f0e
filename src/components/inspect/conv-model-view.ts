// What the CNN views share: whether the weights and the explanation describe the same model, and per-layer arrays.
import type { HiddenLayerShape, ModelWeights, TestSetAnalysis } from '../../state/inspect-slice';

/** True when the weights' layers have the explanation's hidden shapes (both come from one model, not two). */
export function sameModel(
  weights: ModelWeights | null,
  shapes: readonly HiddenLayerShape[],
): weights is ModelWeights {
  if (!weights || weights.layers.length !== shapes.length + 1) return false;
  return shapes.every(
    (s, l) =>
      weights.layers[l].kind === s.kind &&
      weights.layers[l].output.channels === s.channels &&
      weights.layers[l].output.height === s.height &&
      weights.layers[l].output.width === s.width,
  );
}

/** The analysis's dead marks and fire counts of a hidden layer, if the analysis is of a model with its shape. */
export function layerStats(
  analysis: TestSetAnalysis | null,
  layer: number,
  units: number,
): { dead: Uint8Array | null; fireCounts: Int32Array | null } {
  const dead = analysis?.dead[layer];
  const fireCounts = analysis?.fireCounts[layer];
  return dead && fireCounts && dead.length === units
    ? { dead, fireCounts }
    : { dead: null, fireCounts: null };
}

/** Per layer (the output last) its W and b, empty for a pool layer; and every layer's size, the input first. */
export function perLayer(weights: ModelWeights) {
  const empty = new Float32Array(0);
  const W = weights.layers.map((info) => (info.weightIndex >= 0 ? weights.W[info.weightIndex] : empty));
  const b = weights.layers.map((info) => (info.weightIndex >= 0 ? weights.b[info.weightIndex] : empty));
  const sizeOf = (s: { channels: number; height: number; width: number }) => s.channels * s.height * s.width;
  const layerSizes = [sizeOf(weights.layers[0].input), ...weights.layers.map((info) => sizeOf(info.output))];
  return { W, b, layerSizes };
}

export function isMapLayer(shape: HiddenLayerShape): boolean {
  return shape.kind !== 'dense';
}
