// Whether this context can train with several workers, and how many it offers: shared memory needs a
// cross-origin isolated page (COOP/COEP headers), and the shared kernels need WebAssembly SIMD.
import { wasmSimdSupported } from '../wasm/simd-support';

export interface ParallelSupport {
  /** The most workers a run may use (1 when `singleWorkerReason` is set). */
  readonly maxWorkers: number;
  /** hardwareConcurrency − 1, since the page needs a core too; at least 1. */
  readonly defaultWorkers: number;
  readonly singleWorkerReason: string | null;
}

/** What the global scope offers; tests pass their own. */
export interface ParallelEnvironment {
  readonly crossOriginIsolated: boolean | undefined;
  readonly hasSharedArrayBuffer: boolean;
  readonly hardwareConcurrency: number | undefined;
  readonly wasmSimd: boolean;
}

export function currentParallelEnvironment(): ParallelEnvironment {
  const scope = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  return {
    crossOriginIsolated: scope.crossOriginIsolated,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    hardwareConcurrency: scope.navigator?.hardwareConcurrency,
    wasmSimd: wasmSimdSupported(),
  };
}

export function parallelSupport(env: ParallelEnvironment = currentParallelEnvironment()): ParallelSupport {
  const cores = Math.max(1, Math.floor(env.hardwareConcurrency ?? 1));
  const single = (reason: string): ParallelSupport => ({
    maxWorkers: 1,
    defaultWorkers: 1,
    singleWorkerReason: reason,
  });
  // Node has no crossOriginIsolated and needs none; a page reports false until COOP/COEP are sent.
  if (env.crossOriginIsolated === false || !env.hasSharedArrayBuffer) {
    return single(
      'This page is not cross-origin isolated (its host does not send the COOP/COEP headers), so the workers cannot share memory: training uses one worker.',
    );
  }
  if (!env.wasmSimd) {
    return single(
      'This browser lacks WebAssembly SIMD, which shared training needs: training uses one worker.',
    );
  }
  if (cores < 2) return single('This device reports one processor core: training uses one worker.');
  return { maxWorkers: cores, defaultWorkers: Math.max(1, cores - 1), singleWorkerReason: null };
}
