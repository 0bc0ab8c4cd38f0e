// Every buffer one forward and backward pass needs, allocated once per network shape and batch size.
import { createSparseRows, type SparseRows, type SparseRowsAllocators } from './sparse-rows';

export interface BatchWorkspace {
  readonly layerSizes: readonly number[];
  /** Largest batch the buffers hold. */
  readonly capacity: number;
  /** The batch's images as sparse rows, scaled to [0, 1]. */
  readonly input: SparseRows;
  /** W[0] transposed (inputs×units), so the sparse first layer adds contiguous weight rows. */
  readonly firstWeightsT: Float32Array;
  /** outputs[l] (batch×units of layer l+1): post-ReLU for hidden layers, softmax probabilities for the last. */
  readonly outputs: Float32Array[];
  /** gradients w.r.t. each layer's pre-activation z, same shapes as `outputs`. */
  readonly dZ: Float32Array[];
  readonly dW: Float32Array[];
  readonly db: Float32Array[];
  /** dW[0] transposed, as the sparse kernel produces it. */
  readonly firstGradT: Float32Array;
}

/** `allocators` place the buffers (Kernels' allocate and allocateInt32: in WebAssembly memory, read in place). */
export function createBatchWorkspace(
  layerSizes: readonly number[],
  capacity: number,
  allocators: SparseRowsAllocators = {},
): BatchWorkspace {
  const allocate = (length: number) => allocators.allocate?.(length) ?? new Float32Array(length);
  const layers = layerSizes.length - 1;
  const outputs: Float32Array[] = [];
  const dZ: Float32Array[] = [];
  const dW: Float32Array[] = [];
  const db: Float32Array[] = [];
  for (let l = 0; l < layers; l++) {
    outputs.push(allocate(capacity * layerSizes[l + 1]));
    dZ.push(allocate(capacity * layerSizes[l + 1]));
    dW.push(allocate(layerSizes[l + 1] * layerSizes[l]));
    db.push(allocate(layerSizes[l + 1]));
  }
  const firstLayerSize = layerSizes[0] * layerSizes[1];
  return {
    layerSizes: [...layerSizes],
    capacity,
    input: createSparseRows(capacity, layerSizes[0], allocators),
    firstWeightsT: allocate(firstLayerSize),
    outputs,
    dZ,
    dW,
    db,
    firstGradT: allocate(firstLayerSize),
  };
}
