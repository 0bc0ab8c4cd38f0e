/// <reference types="vite-plugin-pwa/vanillajs" />
// The page's side of the service worker: registers it and lets a waiting new version take over on request.
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  /** A new build is installed and waits; the page may offer to reload into it. */
  readonly onUpdateWaiting: () => void;
  readonly onRegisterError: (error: unknown) => void;
}

/**
 * Registers the service worker and returns the function that lets a waiting version take over; the page
 * reloads once it does. Only a takeover this page asked for reloads it: another tab may accept an update,
 * and this one keeps running (its offer stays) instead of reloading by itself.
 */
export function registerServiceWorker(events: ServiceWorkerEvents): () => Promise<void> {
  const takeOver = registerSW({
    immediate: true,
    onNeedRefresh: events.onUpdateWaiting,
    // Instead of registerSW's own reload, which would also follow a takeover another tab asked for (and which
    // it skips in the session that installed the first version).
    onNeedReload: () => undefined,
    onRegisterError: events.onRegisterError,
  });
  return async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration?.waiting) {
      // Another tab already let it take over: this page only has to reload.
      window.location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    await takeOver();
  };
}
