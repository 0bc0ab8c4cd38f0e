// The training worker: nothing but the session, exposed through comlink.
import { expose } from 'comlink';
import { loadSharedKernelModuleBrowser, loadWasmKernelsBrowser } from '../wasm/load-kernels-browser';
import { UpgradableKernels } from '../wasm/upgradable-kernels';
import { createTrainerApi } from './api';
import { takingCalls } from './pending-calls';
import { ShardHelperPool } from './shard-helper-pool';
import { createBrowserShardHelper } from './spawn-shard-helper-browser';

// TypeScript kernels answer at once; WebAssembly SIMD takes over when it has compiled (a few ms).
const kernels = new UpgradableKernels();
void kernels.upgradeFrom(loadWasmKernelsBrowser);
const helpers = new ShardHelperPool(createBrowserShardHelper);
expose(
  takingCalls(
    createTrainerApi({
      kernels,
      // Several workers: this one leads and trains a share, helpers (nested workers) train the rest.
      parallelEngine: { loadModule: loadSharedKernelModuleBrowser, spawn: helpers.spawn },
    }),
  ),
);
