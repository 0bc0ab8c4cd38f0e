// Whether a newer build of the app is installed and waiting for the page to reload into it.
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface AppUpdateSlice {
  /** The service worker installed a new build; it takes over only when the user accepts the Reload offer. */
  readonly appUpdateWaiting: boolean;
}

export const createAppUpdateSlice: StateCreator<AppState, [], [], AppUpdateSlice> = () => ({
  appUpdateWaiting: false,
});
