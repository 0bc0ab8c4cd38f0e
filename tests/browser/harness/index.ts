// Everything a browser test needs, from one import: `import { startStaticServer, launchBrowser, openApp } from './harness'`.
export {
  startStaticServer,
  type StaticServer,
  type StaticServerOptions,
  type RequestRecord,
} from './static-server';
export type { Fault, FaultRules } from './faults';
export {
  launchBrowser,
  openApp,
  unexpectedErrors,
  waitForDatasetReady,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  type OpenedApp,
  type OpenAppOptions,
} from './browser';
export { ensureBuilt } from './build';
export { poll } from './poll';
export { drawOnPad } from './draw-on-pad';
export { probabilityBars } from './probability-bars';
export { samplesPerSecond } from './samples-per-second';
export { pressAndAwaitStatus, trainingStatus } from './training-status';
export { listenWithoutAnswering, type SilentListener } from './silent-listener';
export { waitForServiceWorkerControl } from './service-worker';
export { makeNextBuild, type NextBuild } from './next-build';
export { compareShippedModels, comparisonLineCount } from './compare-shipped-models';
export { axeViolations, type Violation } from './axe';
export { importModelFile } from './import-model';
