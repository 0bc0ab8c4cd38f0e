// How big a data-parallel run's shared WebAssembly memory is and which part of it each worker owns.
import type { SharedTrainingLayout } from '../nn/shared-training-layout';
import type { ArenaBounds } from '../wasm/wasm-kernels';

const PAGE = 65536;
/** The shared-memory kernel module (digit-kernels-shared.wasm) accepts memories up to this many pages. */
export const MAX_SHARED_PAGES = 16384;

export interface SharedMemoryPlan {
  readonly pages: number;
  /** Byte address of the layout's float 0; the first page is left to the module's own data. */
  readonly layoutBase: number;
  /** Worker w allocates its private buffers and call scratch in arenas[w]. */
  readonly arenas: readonly ArenaBounds[];
}

/** Bytes one worker's buffers and the copies and scratch of its largest kernel call can take, generously. */
function arenaBytes(layout: SharedTrainingLayout): number {
  const sizes = layout.layerSizes;
  const rows = layout.shardRows;
  const units = sizes.slice(1).reduce((a, b) => a + b, 0);
  const workspace = 2 * rows * units * 4;
  // The sparse input's copies and the first layer's scratch: at most every pixel of every row lit.
  const sparse = 20 * (rows + 1) * sizes[0];
  let largestProduct = 0;
  for (let l = 1; l + 1 < sizes.length; l++)
    largestProduct = Math.max(largestProduct, sizes[l] * sizes[l + 1]);
  const dense = 8 * largestProduct + 8 * Math.max(...sizes);
  return Math.ceil((workspace + sparse + dense + (1 << 20)) / PAGE) * PAGE;
}

/** null when the run is too big to share one memory (it then trains on one worker). */
export function sharedMemoryPlan(layout: SharedTrainingLayout): SharedMemoryPlan | null {
  const layoutBase = PAGE;
  const layoutBytes = Math.ceil((layout.totalFloats * 4) / PAGE) * PAGE;
  const perWorker = arenaBytes(layout);
  const arenas: ArenaBounds[] = [];
  let at = layoutBase + layoutBytes;
  for (let w = 0; w < layout.workers; w++) {
    arenas.push({ start: at, end: at + perWorker });
    at += perWorker;
  }
  const pages = at / PAGE;
  return pages <= MAX_SHARED_PAGES ? { pages, layoutBase, arenas } : null;
}
