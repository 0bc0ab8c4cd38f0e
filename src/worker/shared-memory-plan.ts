// How big a data-parallel run's shared WebAssembly memory is and which part of it each worker owns.
import { DISTORTION_STRIDE } from '../nn/augment-digit';
import type { DataParallelLayout } from '../nn/data-parallel-layout';
import { elasticBankFloats } from '../nn/elastic-fields';
import { resolveLayers } from '../nn/layer-shapes';
import { createLayerWorkspace } from '../nn/layer-workspace';
import { isLayerLayout, type SharedLayerLayout } from '../nn/shared-layer-layout';
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

/**
 * Bytes one worker's buffers and the copies and scratch of its largest kernel call can take, generously, with
 * room for training on distorted digits.
 */
function arenaBytes(layout: DataParallelLayout): number {
  const side = isLayerLayout(layout) ? layout.input.height : Math.round(Math.sqrt(layout.layerSizes[0]));
  const base = isLayerLayout(layout) ? layerArenaBytes(layout) : denseArenaBytes(layout);
  return base + Math.ceil(augmentationBytes(side, layout.shardRows) / PAGE) * PAGE;
}

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/**
 * Distorting a worker's rows: the elastic fields (made with allocate(), about 1.6 MB for MNIST, whether or not
 * the run distorts: the plan does not know) and one distortDigits call's copies, draws and scratch.
 */
function augmentationBytes(side: number, rows: number): number {
  const pixels = side * side;
  const call = 2 * align16(rows * pixels) + align16(8 * rows * DISTORTION_STRIDE) + 8 * (side + 2) ** 2;
  return align16(4 * elasticBankFloats(side)) + call + 64;
}

function denseArenaBytes(layout: SharedTrainingLayout): number {
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

/**
 * A layer list's worker: its LayerWorkspace at shardRows (measured by building one whose allocator only
 * counts; its dW and db, counted too, are in fact views of the shared gradient), and the largest call's
 * scratch: the conv kernels' (assembly/conv.ts: convForwardScratch, convBackwardScratch, bounded from above
 * here) or a dense product's.
 */
function layerArenaBytes(layout: SharedLayerLayout): number {
  const plan = resolveLayers(layout.layers, layout.input);
  let workspace = 0;
  const count = (length: number) => {
    workspace += align16(Math.max(1, length) * 4);
  };
  createLayerWorkspace(plan, layout.shardRows, {
    allocate: (length) => {
      count(length);
      return new Float32Array(0);
    },
    allocateInt32: (length) => {
      count(length);
      return new Int32Array(0);
    },
  });
  let call = 0;
  for (const step of plan.steps) {
    const { layer, input, output } = step;
    if (layer.kind === 'conv') {
      const patch = input.channels * layer.size * layer.size;
      const pixels = output.height * output.width;
      const filters = output.channels;
      const lists = 2 * Math.max(pixels, filters, patch) + 3 * patch;
      call = Math.max(call, 4 * (2 * patch * filters + 2 * pixels * filters + lists) + 6 * 16);
    } else if (layer.kind === 'dense') {
      const inputs = input.channels * input.height * input.width;
      call = Math.max(
        call,
        4 * inputs * output.channels + 8 * Math.max(inputs, output.channels, layout.shardRows),
      );
    }
  }
  return Math.ceil((workspace + call + (1 << 20)) / PAGE) * PAGE;
}

/** null when the run is too big to share one memory (it then trains on one worker). */
export function sharedMemoryPlan(layout: DataParallelLayout): SharedMemoryPlan | null {
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
