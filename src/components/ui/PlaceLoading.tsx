// Shown while a place's code downloads: a short, announced line where the page will appear.
import { placeInfo, type Place } from './places';

export function PlaceLoading({ place }: { readonly place: Place }) {
  return (
    <div className="place-loading" role="status">
      <span className="place-loading__spinner" aria-hidden="true" />
      Loading {placeInfo(place).title}…
    </div>
  );
}
