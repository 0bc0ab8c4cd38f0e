// The error for a place whose code did not arrive (offline, or the site was updated and the old file is gone).
import { placeInfo, type Place } from './places';

export class PlaceLoadError extends Error {
  override readonly name = 'PlaceLoadError';
  readonly place: Place;

  constructor(place: Place, options?: { cause?: unknown }) {
    super(
      `The ${placeInfo(place).title} page could not be downloaded. Check your connection and try again; ` +
        'if Digit Lab was updated since this page opened, reload the page.',
      options,
    );
    this.place = place;
  }
}
