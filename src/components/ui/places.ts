// The app's four places: their route names, titles and the one line that says what each is for.
export type Place = 'draw' | 'train' | 'inspect' | 'models';

export interface PlaceInfo {
  readonly place: Place;
  readonly title: string;
  readonly summary: string;
}

/** In navigation order; the first is the landing place. */
export const PLACES: readonly PlaceInfo[] = [
  { place: 'draw', title: 'Draw', summary: 'Draw a digit and watch the network read it, stroke by stroke.' },
  {
    place: 'train',
    title: 'Train',
    summary:
      'Train the network on 60,000 real handwritten digits, right here in your browser, and watch it learn.',
  },
  {
    place: 'inspect',
    title: 'Inspect',
    summary: 'Open the network up: see what each hidden layer responds to and where it gets confused.',
  },
  {
    place: 'models',
    title: 'Models',
    summary: 'Save, load, compare and export the networks you have trained.',
  },
];

export const LANDING_PLACE: Place = 'draw';

export function placeInfo(place: Place): PlaceInfo {
  return PLACES.find((p) => p.place === place) ?? PLACES[0];
}

export function isPlace(value: string): value is Place {
  return PLACES.some((p) => p.place === value);
}
