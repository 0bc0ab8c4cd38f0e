// React hook over the location hash: the current place and its parameters, and a way to go elsewhere.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatHash, parseHash, type HashRoute, type RouteParams } from './hash-route';
import type { Place } from './places';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

export interface HashRouteControls extends HashRoute {
  /** Goes to a place (adds a history entry, so Back works). */
  navigate: (place: Place, params?: RouteParams) => void;
  /** Replaces the current place's parameters without a new history entry (e.g. a slider's value). */
  replaceParams: (params: RouteParams) => void;
}

export function useHashRoute(): HashRouteControls {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const route = useMemo(() => parseHash(hash), [hash]);
  const navigate = useCallback((place: Place, params?: RouteParams) => {
    window.location.hash = formatHash(place, params);
  }, []);
  const replaceParams = useCallback(
    (params: RouteParams) => {
      const url = new URL(window.location.href);
      url.hash = formatHash(route.place, params);
      window.history.replaceState(window.history.state, '', url);
      // replaceState fires no hashchange; tell the subscribers ourselves.
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [route.place],
  );
  return { ...route, navigate, replaceParams };
}
