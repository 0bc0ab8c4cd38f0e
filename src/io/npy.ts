// NumPy's .npy array format: encode (version 1.0, as numpy.save writes) and a strict decoder for versions 1-3.
import { ModelFormatError } from '../nn/model-format-error';
import { formatNpyHeader, MAX_NPY_HEADER_BYTES, parseNpyHeader } from './npy-header';

export type NpyDtype = '<f4' | '<f8' | '<i4' | '<i8';
export type NpyData = Float32Array | Float64Array | Int32Array | BigInt64Array;

export interface NpyArray {
  readonly dtype: NpyDtype;
  /** C (row-major) order shape; the decoder converts Fortran-ordered files. */
  readonly shape: readonly number[];
  readonly data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
/** numpy aligns the start of the data to 64 bytes so it can be memory-mapped. */
const ALIGNMENT = 64;
const ITEM_BYTES: Record<NpyDtype, number> = { '<f4': 4, '<f8': 8, '<i4': 4, '<i8': 8 };
const DTYPE_NAMES: Record<NpyDtype, string> = {
  '<f4': 'float32',
  '<f8': 'float64',
  '<i4': 'int32',
  '<i8': 'int64',
};
// Typed arrays use the platform's byte order; .npy "<" is little-endian, which every browser and Node runs on.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function dtypeName(dtype: NpyDtype): string {
  return DTYPE_NAMES[dtype];
}

export function dtypeOf(data: NpyData): NpyDtype {
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
  if (elementCount(array.shape) !== array.data.length || dtypeOf(array.data) !== array.dtype) {
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
  if (!(header.descr in ITEM_BYTES)) {
    const hint = header.descr.startsWith('>')
      ? ` (big-endian; save it with .astype('<${header.descr.slice(1)}'))`
      : '';
    fail(
      `dtype '${header.descr}'${hint} is not supported; expected float32 ('<f4'), float64 ('<f8'), int32 ('<i4') or int64 ('<i8')`,
    );
  }
  const dtype = header.descr as NpyDtype;
  const count = elementCount(header.shape);
  const dataStart = headerStart + headerBytes;
  const expectedBytes = count * ITEM_BYTES[dtype];
  const foundBytes = bytes.length - dataStart;
  if (expectedBytes !== foundBytes) {
    fail(
      `a ${dtypeName(dtype)} array of shape (${header.shape.join(', ')}) needs ${expectedBytes} data bytes, found ${foundBytes}: the file is ${foundBytes < expectedBytes ? 'truncated' : 'longer than its header says'}`,
    );
  }
  // slice() copies into a fresh, aligned buffer, so the typed array view below is always legal.
  const buffer = bytes.slice(dataStart).buffer;
  const data: NpyData =
    dtype === '<f4'
      ? new Float32Array(buffer)
      : dtype === '<f8'
        ? new Float64Array(buffer)
        : dtype === '<i4'
          ? new Int32Array(buffer)
          : new BigInt64Array(buffer);
  const shape = [...header.shape];
  return { dtype, shape, data: header.fortranOrder ? fortranToC(data, shape) : data };
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
