// The training worker: nothing but the session, exposed through comlink.
import { expose } from 'comlink';
import { loadWasmKernelsBrowser } from '../wasm/load-kernels-browser';
import { UpgradableKernels } from '../wasm/upgradable-kernels';
import { createTrainerApi } from './api';

// TypeScript kernels answer at once; WebAssembly SIMD takes over when it has compiled (a few ms).
const kernels = new UpgradableKernels();
void kernels.upgradeFrom(loadWasmKernelsBrowser);
expose(createTrainerApi({ kernels }));
