// Places loaded on first visit: one React.lazy per place, forgotten after a failed download so Retry fetches again.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PlaceLoadError } from './place-load-error';
import type { Place } from './places';

export type PlaceModuleLoader = () => Promise<ComponentType>;

/** A place's page, downloaded on first render; `forget` lets the next render try the download again. */
export interface LazyPlace {
  readonly page: () => LazyExoticComponent<ComponentType>;
  readonly forget: () => void;
}

export function lazyPlace(place: Place, load: PlaceModuleLoader): LazyPlace {
  let page: LazyExoticComponent<ComponentType> | null = null;
  return {
    // React.lazy keeps a rejected import for good: only a new lazy component asks the network again.
    page: () =>
      (page ??= lazy(() =>
        load().then(
          (component) => ({ default: component }),
          (error: unknown) => {
            throw new PlaceLoadError(place, { cause: error });
          },
        ),
      )),
    forget: () => {
      page = null;
    },
  };
}
