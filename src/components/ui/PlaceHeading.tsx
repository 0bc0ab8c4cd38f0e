// The heading and one-line explanation that open every place.
import { placeInfo, type Place } from './places';

export function PlaceHeading({ place }: { readonly place: Place }) {
  const info = placeInfo(place);
  return (
    <header className="place-heading">
      <h1 id={`${place}-title`}>{info.title}</h1>
      <p className="place-heading__summary">{info.summary}</p>
    </header>
  );
}
