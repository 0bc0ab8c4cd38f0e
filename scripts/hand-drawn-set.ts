// The hand-drawn digit test set (recorded through the drawing pad): its JSON format, checks, and the app's 28x28 inputs.
import { readFileSync } from 'node:fs';
import { preprocessStrokes } from '../src/data/preprocess/preprocess-strokes';
import type { Stroke } from '../src/data/preprocess/strokes';

export const HAND_DRAWN_FORMAT = 'digit-lab-hand-drawn-digits/1';
/** The committed set: test data only, never trained on. */
export const HAND_DRAWN_SET_PATH = 'tests/data/hand-drawn-digits.json';

export interface HandDrawnRecord {
  readonly label: number;
  readonly style: string;
  readonly variation: string;
  /** Each stroke as the pad received it, flattened: [x0, y0, x1, y1, …] in backing-store pixels. */
  readonly strokes: readonly (readonly number[])[];
}

export interface HandDrawnFile {
  readonly format: typeof HAND_DRAWN_FORMAT;
  /** The pad's backing store and pen, in the strokes' units. */
  readonly pad: { readonly width: number; readonly height: number; readonly penDiameter: number };
  /** How the strokes were drawn (browser, viewport, device pixel ratio, pointer events): for people, not checked. */
  readonly recording?: Readonly<Record<string, unknown>>;
  readonly digits: readonly HandDrawnRecord[];
}

export interface HandDrawnDigit {
  readonly label: number;
  readonly style: string;
  readonly variation: string;
  /** The network's input as the Draw place makes it, or null when the strokes hold no ink. */
  readonly input: Float32Array | null;
}

export class HandDrawnSetError extends Error {
  override name = 'HandDrawnSetError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function checkDigit(value: unknown, index: number): HandDrawnRecord {
  const where = `digits[${index}]`;
  if (!isRecord(value)) throw new HandDrawnSetError(`${where} is not an object`);
  const { label, style, variation, strokes } = value;
  if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label > 9)
    throw new HandDrawnSetError(`${where}.label must be a digit 0-9, got ${JSON.stringify(label)}`);
  if (typeof style !== 'string' || style === '')
    throw new HandDrawnSetError(`${where}.style must be a non-empty string`);
  if (typeof variation !== 'string' || variation === '')
    throw new HandDrawnSetError(`${where}.variation must be a non-empty string`);
  if (!Array.isArray(strokes) || strokes.length === 0)
    throw new HandDrawnSetError(`${where} (a ${label}, ${style}) has no strokes`);
  strokes.forEach((stroke: unknown, s) => {
    if (!Array.isArray(stroke) || stroke.length < 2 || stroke.length % 2 !== 0)
      throw new HandDrawnSetError(
        `${where}.strokes[${s}] must be a flat list of x, y pairs (at least one point)`,
      );
    const bad = stroke.findIndex((v: unknown) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0)
      throw new HandDrawnSetError(
        `${where}.strokes[${s}][${bad}] is ${JSON.stringify(stroke[bad])}, not a finite number`,
      );
  });
  return { label, style, variation, strokes: strokes as number[][] };
}

/** Checks a parsed file; every problem names the place in the file where it is. */
export function parseHandDrawnFile(value: unknown): HandDrawnFile {
  if (!isRecord(value)) throw new HandDrawnSetError('the hand-drawn set must be a JSON object');
  if (value.format !== HAND_DRAWN_FORMAT)
    throw new HandDrawnSetError(`format must be "${HAND_DRAWN_FORMAT}", got ${JSON.stringify(value.format)}`);
  const pad = value.pad;
  if (!isRecord(pad) || !isPositive(pad.width) || !isPositive(pad.height) || !isPositive(pad.penDiameter))
    throw new HandDrawnSetError(
      'pad must give a positive width, height and penDiameter (backing-store pixels)',
    );
  if (!Array.isArray(value.digits)) throw new HandDrawnSetError('digits must be a list');
  const digits = value.digits.map(checkDigit);
  const recording = isRecord(value.recording) ? value.recording : undefined;
  return {
    format: HAND_DRAWN_FORMAT,
    pad: { width: pad.width, height: pad.height, penDiameter: pad.penDiameter },
    ...(recording ? { recording } : {}),
    digits,
  };
}

/** Reads and checks a hand-drawn set file (a missing file or bad JSON says which file). */
export function readHandDrawnFile(path: string): HandDrawnFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HandDrawnSetError(`cannot read the hand-drawn set ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HandDrawnSetError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseHandDrawnFile(json);
  } catch (error) {
    if (error instanceof HandDrawnSetError) throw new HandDrawnSetError(`${path}: ${error.message}`);
    throw error;
  }
}

export function strokesOf(record: HandDrawnRecord): Stroke[] {
  return record.strokes.map((flat) => {
    const points = [];
    for (let i = 0; i < flat.length; i += 2) points.push({ x: flat[i], y: flat[i + 1] });
    return points;
  });
}

/** Each digit as the network would read it from the Draw place (same preprocessing, same pad pen). */
export function handDrawnDigitsOf(file: HandDrawnFile): HandDrawnDigit[] {
  return file.digits.map((record) => ({
    label: record.label,
    style: record.style,
    variation: record.variation,
    input: preprocessStrokes(strokesOf(record), { padPenDiameter: file.pad.penDiameter })?.input ?? null,
  }));
}

export function loadHandDrawnSet(path: string = HAND_DRAWN_SET_PATH): HandDrawnDigit[] {
  return handDrawnDigitsOf(readHandDrawnFile(path));
}

const rounded = (v: number) => Math.round(v * 10) / 10;

/** The file as text: one digit per line, coordinates to 0.1 px, so it stays small and diffs line by line. */
export function formatHandDrawnFile(file: HandDrawnFile): string {
  const head = JSON.stringify({ format: file.format, pad: file.pad, recording: file.recording });
  const lines = file.digits.map((d) =>
    JSON.stringify({
      label: d.label,
      style: d.style,
      variation: d.variation,
      strokes: d.strokes.map((s) => s.map(rounded)),
    }),
  );
  return `${head.slice(0, -1)},"digits":[\n${lines.join(',\n')}\n]}\n`;
}
