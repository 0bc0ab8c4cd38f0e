// NumPy's .npy array format: encode (version 1.0, as numpy.save writes) and a strict decoder for versions 1-3.
import { ModelFormatError } from '../nn/model-format-error';
import { formatNpyHeader, MAX_NPY_HEADER_BYTES, parseNpyHeader } from './npy-header';

/** `<U{n}`: fixed-length unicode strings of n UTF-32 code units each, as NumPy stores `numpy.array('text')`. */
export type NpyUnicode = `<U${number}`;
export type NpyNumeric = '<f4' | '<f8' | '<i4' | '<i8';
export type NpyDtype = NpyNumeric | NpyUnicode;
/** Unicode arrays hold their code points, n per element (NUL-padded). */
export type NpyData = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint32Array;

export interface NpyArray {
  readonly dtype: NpyDtype;
  /** C (row-major) order shape; the decoder converts Fortran-ordered files. */
  readonly shape: readonly number[];
  readonly data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
/** numpy aligns the start of the data to 64 bytes so it can be memory-mapped. */
const ALIGNMENT = 64;
const ITEM_BYTES: Record<NpyNumeric, number> = { '<f4': 4, '<f8': 8, '<i4': 4, '<i8': 8 };
/** Far above a layer list (a few dozen characters); refuses absurd string widths early. */
const MAX_UNICODE_LENGTH = 10_000;
const UNICODE = /^<U([1-9]\d{0,4})$/;
const DTYPE_NAMES: Record<NpyNumeric, string> = {
  '<f4': 'float32',
  '<f8': 'float64',
  '<i4': 'int32',
  '<i8': 'int64',
};
// Typed arrays use the platform's byte order; .npy "<" is little-endian, which every browser and Node runs on.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function dtypeName(dtype: NpyDtype): string {
  return isUnicode(dtype) ? `unicode string (${dtype})` : DTYPE_NAMES[dtype];
}

export function isUnicode(dtype: NpyDtype): dtype is NpyUnicode {
  return dtype.startsWith('<U');
}

/** Characters per element of a unicode dtype. */
function unicodeLength(dtype: NpyUnicode): number {
  return Number(dtype.slice(2));
}

function itemBytes(dtype: NpyDtype): number {
  return isUnicode(dtype) ? 4 * unicodeLength(dtype) : ITEM_BYTES[dtype];
}

/** A 0-d unicode array holding `text`, as `numpy.array(text)` (numpy.load reads it without pickle). */
export function unicodeScalar(text: string): NpyArray {
  const codePoints = Uint32Array.from(Array.from(text, (c) => c.codePointAt(0) ?? 0));
  // NumPy gives the empty string one NUL character: a dtype of length 0 does not exist.
  const data = codePoints.length === 0 ? new Uint32Array(1) : codePoints;
  return { dtype: `<U${data.length}`, shape: [], data };
}

/** The string of a unicode array with one element (trailing NULs are padding, as in NumPy). */
export function unicodeText(array: NpyArray): string {
  let end = array.data.length;
  while (end > 0 && array.data[end - 1] === 0) end--;
  return String.fromCodePoint(...Array.from(array.data.subarray(0, end) as Uint32Array));
}

export function dtypeOf(data: NpyData): NpyDtype {
  if (data instanceof Uint32Array) return `<U${Math.max(1, data.length)}`;
  if (data instanceof Float32Array) return '<f4';
  if (data instanceof Float64Array) return '<f8';
  if (data instanceof Int32Array) return '<i4';
  return '<i8';
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, d) => product * d, 1);
}

export function encodeNpy(array: NpyArray): Uint8Array {
  requireLittleEndian();
  const valuesPerElement = isUnicode(array.dtype) ? unicodeLength(array.dtype) : 1;
  const typeFits = isUnicode(array.dtype)
    ? array.data instanceof Uint32Array
    : dtypeOf(array.data) === array.dtype;
  if (elementCount(array.shape) * valuesPerElement !== array.data.length || !typeFits) {
    throw new ModelFormatError(
      `cannot write a ${array.dtype} array of shape (${array.shape.join(', ')}) from ${array.data.length} ${dtypeName(dtypeOf(array.data))} numbers`,
    );
  }
  const dict = formatNpyHeader({ descr: array.dtype, fortranOrder: false, shape: array.shape });
  const preamble = MAGIC.length + 2 + 2;
  const headerBytes = Math.ceil((preamble + dict.length + 1) / ALIGNMENT) * ALIGNMENT - preamble;
  const header = dict.padEnd(headerBytes - 1, ' ') + '\n';
  const bytes = new Uint8Array(preamble + headerBytes + array.data.byteLength);
  bytes.set(MAGIC, 0);
  bytes[6] = 1; // version 1.0
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, headerBytes, true);
  for (let i = 0; i < header.length; i++) bytes[preamble + i] = header.charCodeAt(i);
  bytes.set(
    new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength),
    preamble + headerBytes,
  );
  return bytes;
}

/** Decodes one .npy file; every problem is a ModelFormatError naming `arrayName`. */
export function decodeNpy(bytes: Uint8Array, arrayName: string): NpyArray {
  requireLittleEndian();
  const fail = (what: string): never => {
    throw new ModelFormatError(`array ${arrayName}: ${what}`);
  };
  if (bytes.length < 10 || MAGIC.some((m, i) => bytes[i] !== m)) {
    const found = Array.from(bytes.subarray(0, 6), (x) => x.toString(16).padStart(2, '0')).join(' ');
    fail(
      `not a .npy array: expected the magic bytes 93 4e 55 4d 50 59 ("\\x93NUMPY"), found ${found || 'an empty file'}`,
    );
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerStart: number;
  let headerBytes: number;
  if (major === 1) {
    headerStart = 10;
    headerBytes = view.getUint16(8, true);
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail('the file ends inside the header length');
    headerStart = 12;
    headerBytes = view.getUint32(8, true);
  } else {
    return fail(`.npy format version ${major}.${bytes[7]} is not supported (versions 1, 2 and 3 are)`);
  }
  if (headerBytes > MAX_NPY_HEADER_BYTES) {
    fail(`the header claims ${headerBytes} bytes; headers longer than ${MAX_NPY_HEADER_BYTES} are refused`);
  }
  if (headerStart + headerBytes > bytes.length) {
    fail(
      `the header claims ${headerBytes} bytes but only ${bytes.length - headerStart} follow: the file is truncated`,
    );
  }
  const headerRaw = bytes.subarray(headerStart, headerStart + headerBytes);
  let headerText: string;
  if (major === 3) {
    try {
      headerText = new TextDecoder('utf-8', { fatal: true }).decode(headerRaw);
    } catch {
      return fail('the version 3 header is not valid UTF-8');
    }
  } else {
    headerText = String.fromCharCode(...headerRaw);
  }
  const header = parseNpyHeader(headerText, arrayName);
  const unicode = UNICODE.exec(header.descr);
  if (unicode && Number(unicode[1]) > MAX_UNICODE_LENGTH) {
    fail(`dtype '${header.descr}' holds strings longer than ${MAX_UNICODE_LENGTH} characters`);
  }
  if (!(header.descr in ITEM_BYTES) && !unicode) {
    const hint = header.descr.startsWith('>')
      ? ` (big-endian; save it with .astype('<${header.descr.slice(1)}'))`
      : '';
    fail(
      `dtype '${header.descr}'${hint} is not supported; expected float32 ('<f4'), float64 ('<f8'), int32 ('<i4'), int64 ('<i8') or a unicode string ('<U…')`,
    );
  }
  const dtype = header.descr as NpyDtype;
  const count = elementCount(header.shape);
  const dataStart = headerStart + headerBytes;
  const expectedBytes = count * itemBytes(dtype);
  const foundBytes = bytes.length - dataStart;
  if (expectedBytes !== foundBytes) {
    fail(
      `a ${dtypeName(dtype)} array of shape (${header.shape.join(', ')}) needs ${expectedBytes} data bytes, found ${foundBytes}: the file is ${foundBytes < expectedBytes ? 'truncated' : 'longer than its header says'}`,
    );
  }
  // slice() copies into a fresh, aligned buffer, so the typed array view below is always legal.
  const buffer = bytes.slice(dataStart).buffer;
  const data: NpyData =
    unicode !== null
      ? new Uint32Array(buffer)
      : dtype === '<f4'
        ? new Float32Array(buffer)
        : dtype === '<f8'
          ? new Float64Array(buffer)
          : dtype === '<i4'
            ? new Int32Array(buffer)
            : new BigInt64Array(buffer);
  const shape = [...header.shape];
  // A Fortran-ordered string array would need reordering by whole strings; only 0-d and 1-element ones are used.
  const reorder = header.fortranOrder && unicode === null;
  return { dtype, shape, data: reorder ? fortranToC(data, shape) : data };
}

/** Reorders a column-major (Fortran) array into row-major order with the same shape. */
function fortranToC<T extends NpyData>(source: T, shape: readonly number[]): T {
  if (shape.length < 2) return source;
  const out = source.slice() as T;
  const from = source as unknown as ArrayLike<number>;
  const to = out as unknown as Record<number, number>;
  const strides: number[] = [];
  let stride = 1;
  for (const d of shape) {
    strides.push(stride);
    stride *= d;
  }
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < source.length; i++) {
    let offset = 0;
    for (let k = 0; k < shape.length; k++) offset += index[k] * strides[k];
    to[i] = from[offset];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++index[k] < shape[k]) break;
      index[k] = 0;
    }
  }
  return out;
}

function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) throw new ModelFormatError('.npy files are only read on little-endian machines');
}
