// Hash routes ("#/train?lr=0.5"): they work on any static host because the server only ever sees the page URL.
import { isPlace, LANDING_PLACE, type Place } from './places';

export type RouteParams = Readonly<Record<string, string>>;

export interface HashRoute {
  readonly place: Place;
  readonly params: RouteParams;
}

/** Unknown or empty hashes land on the landing place, so an old or mistyped link still opens the app. */
export function parseHash(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const queryStart = body.indexOf('?');
  const path = (queryStart === -1 ? body : body.slice(0, queryStart)).replace(/\/+$/, '');
  const query = queryStart === -1 ? '' : body.slice(queryStart + 1);
  // fromEntries defines own properties, so a parameter named "__proto__" stays a parameter.
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  return { place: isPlace(path) ? path : LANDING_PLACE, params };
}

export function formatHash(place: Place, params: RouteParams = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${place}${query ? `?${query}` : ''}`;
}
