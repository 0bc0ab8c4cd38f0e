// The service worker: precaches the app shell and the default model and serves them, isolated, when offline.
import { clientsClaim } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isolationHeadersPlugin } from './isolation-headers';

declare const self: ServiceWorkerGlobalScope & {
  /** Filled in at build time by vite-plugin-pwa (injectManifest): every precached file with its revision. */
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
};

// A new version waits until the page lets it take over (the Reload offer), so a running page never has its
// files swapped underneath it. workbox-window's messageSkipWaiting() sends this message.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

addPlugins([isolationHeadersPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation inside the app (e.g. ?bench) gets the shell; data/ and models/ are files, not pages.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/data\//, /\/models\//] }),
);

// The first install controls the page that registered it, so that visit already works offline afterwards.
clientsClaim();
