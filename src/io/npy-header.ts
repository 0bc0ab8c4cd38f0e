// The .npy header dictionary: a strict parser for the Python literal NumPy writes, and its formatter.
import { ModelFormatError } from '../nn/model-format-error';

export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
}

type Literal = string | boolean | number | Literal[];

/** NumPy itself refuses headers longer than this (numpy.lib.format._MAX_HEADER_SIZE) for safety. */
export const MAX_NPY_HEADER_BYTES = 10_000;
const MAX_DIMENSIONS = 32;

/**
 * Parses `{'descr': '<f4', 'fortran_order': False, 'shape': (200, 784), }` — the only form numpy.save writes —
 * accepting either quote style and optional trailing commas, and nothing else (no eval, no nested dicts).
 */
export function parseNpyHeader(text: string, arrayName: string): NpyHeader {
  const fail = (what: string): never => {
    throw new ModelFormatError(
      `array ${arrayName}: the .npy header ${what}; found ${JSON.stringify(text.slice(0, 120))}`,
    );
  };
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[pos] !== char) fail(`should have "${char}" at character ${pos}`);
    pos++;
  };
  const parseValue = (depth: number): Literal => {
    skipSpace();
    const c = text[pos];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, pos + 1);
      if (end < 0) fail('has an unterminated string');
      const value = text.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    if (text.startsWith('True', pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith('False', pos)) {
      pos += 5;
      return false;
    }
    if (c === '(' || c === '[') {
      if (depth > 1) fail('nests tuples too deeply');
      const close = c === '(' ? ')' : ']';
      pos++;
      const items: Literal[] = [];
      for (;;) {
        skipSpace();
        if (text[pos] === close) {
          pos++;
          return items;
        }
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== close) fail(`should separate items with "," at character ${pos}`);
      }
    }
    const match = /^\d+L?/.exec(text.slice(pos, pos + 24));
    if (!match) return fail(`has an unexpected value at character ${pos}`);
    pos += match[0].length;
    return Number(match[0].replace('L', ''));
  };

  expect('{');
  const entries = new Map<string, Literal>();
  for (;;) {
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      break;
    }
    const key = parseValue(0);
    if (typeof key !== 'string') fail('should have string keys');
    if (entries.has(key as string)) fail(`repeats the key "${key}"`);
    expect(':');
    entries.set(key as string, parseValue(0));
    skipSpace();
    if (text[pos] === ',') pos++;
    else if (text[pos] !== '}') fail(`should separate entries with "," at character ${pos}`);
  }
  if (text.slice(pos).trim() !== '') fail('has text after the closing "}"');

  const keys = [...entries.keys()].sort().join(', ');
  if (keys !== 'descr, fortran_order, shape') {
    fail('must have exactly the keys descr, fortran_order and shape');
  }
  const descr = entries.get('descr');
  if (typeof descr !== 'string') {
    return fail('describes a structured dtype; only plain numbers (float32, float64, int32, int64) are read');
  }
  const fortranOrder = entries.get('fortran_order');
  if (typeof fortranOrder !== 'boolean') return fail('needs fortran_order to be True or False');
  const shape = entries.get('shape');
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d))) {
    return fail('needs shape to be a tuple of non-negative integers');
  }
  if (shape.length > MAX_DIMENSIONS) fail(`has ${shape.length} dimensions, more than ${MAX_DIMENSIONS}`);
  return { descr, fortranOrder, shape: shape as number[] };
}

/** The dictionary numpy.save writes, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (10, 1), }`. */
export function formatNpyHeader(header: NpyHeader): string {
  const shape = header.shape.length === 1 ? `(${header.shape[0]},)` : `(${header.shape.join(', ')})`;
  return `{'descr': '${header.descr}', 'fortran_order': ${header.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
}
