// Offline support and updates: registers the service worker once it is worth it, and reloads into a new build on request.
import { useStore } from './store';

let registration: Promise<void> | null = null;
let takeOver: (() => Promise<void>) | null = null;

function serviceWorkersAvailable(): boolean {
  // Production builds only: the dev server has no service worker (devOptions off), and unit tests none at all.
  return import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/**
 * Registers the service worker (once), which precaches the app shell and the default model. Called after the
 * first prediction, so a first visit's landing does not also download the precache.
 */
export function startOfflineSupport(): void {
  if (registration !== null || !serviceWorkersAvailable()) return;
  registration = import('../service-worker/client').then(({ registerServiceWorker }) => {
    takeOver = registerServiceWorker({
      onUpdateWaiting: () => useStore.setState({ appUpdateWaiting: true }),
      onRegisterError: (error) =>
        console.warn('Digit Lab will not work offline: the service worker could not be registered.', error),
    });
  });
}

/**
 * A returning visitor's page is already controlled (the precache is there): register at once, so a new build
 * is offered on any place, not only after drawing.
 */
export function resumeOfflineSupport(): void {
  if (serviceWorkersAvailable() && navigator.serviceWorker.controller !== null) startOfflineSupport();
}

/** Whether reloading now would cost the user a running training run. */
export function reloadWouldInterruptTraining(): boolean {
  return useStore.getState().trainingStatus === 'running';
}

/** The Reload offer's action: lets the waiting build take over, and the page reloads into it. Never mid-run. */
export async function reloadIntoUpdate(): Promise<void> {
  if (reloadWouldInterruptTraining() || !useStore.getState().appUpdateWaiting) return;
  await registration;
  await takeOver?.();
}
