// A place fetched on first visit: the loading line while it downloads, the failure with Try again if it does not.
import { Suspense, useState } from 'react';
import type { LazyPlace } from './lazy-place';
import { PlaceLoadBoundary } from './PlaceLoadBoundary';
import { PlaceLoading } from './PlaceLoading';
import type { Place } from './places';

export function LazyPlacePage({ place, lazy }: { readonly place: Place; readonly lazy: LazyPlace }) {
  // Bumped by Try again: the re-render picks up the fresh lazy component that `forget` made room for.
  const [, setAttempt] = useState(0);
  const Page = lazy.page();
  return (
    <PlaceLoadBoundary
      onRetry={() => {
        lazy.forget();
        setAttempt((n) => n + 1);
      }}
    >
      <Suspense fallback={<PlaceLoading place={place} />}>
        <Page />
      </Suspense>
    </PlaceLoadBoundary>
  );
}
