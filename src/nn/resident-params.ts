// Moves a network's weights into the kernels' own memory, so the products and updates read them in place.
import type { NetworkParams } from './types';

/**
 * Replaces every params.W[l] and params.b[l] with a copy from `allocate` (same values). The arrays are
 * swapped inside the params object, so everything that reads weights through it (predict, evaluate, model
 * files, snapshots) sees the resident ones. WebAssembly memory never grows here, so these views never detach.
 */
export function moveIntoArena(params: NetworkParams, allocate: (length: number) => Float32Array): void {
  for (const tensors of [params.W, params.b]) {
    for (let l = 0; l < tensors.length; l++) {
      const resident = allocate(tensors[l].length);
      if (resident.buffer === tensors[l].buffer) continue;
      resident.set(tensors[l]);
      tensors[l] = resident;
    }
  }
}
