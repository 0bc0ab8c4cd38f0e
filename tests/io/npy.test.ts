// .npy encoding and strict decoding: round trips per dtype, NumPy's header layout, versions 2/3, Fortran order, errors.
import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy, type NpyArray } from '../../src/io/npy';
import { ModelFormatError } from '../../src/nn/model-format-error';

function npyBytes(major: number, dict: string, data: Uint8Array = new Uint8Array()): Uint8Array {
  const lengthBytes = major === 1 ? 2 : 4;
  const header = new TextEncoder().encode(dict + '\n');
  const bytes = new Uint8Array(8 + lengthBytes + header.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(bytes.buffer);
  if (major === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  bytes.set(header, 8 + lengthBytes);
  bytes.set(data, 8 + lengthBytes + header.length);
  return bytes;
}

const asBytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('encodeNpy / decodeNpy', () => {
  const cases: NpyArray[] = [
    { dtype: '<f4', shape: [2, 3], data: Float32Array.from([1.5, -2, 3e-8, Math.PI, 0, -0]) },
    { dtype: '<f8', shape: [3], data: Float64Array.from([Math.E, -1e300, 5e-324]) },
    { dtype: '<i4', shape: [5], data: Int32Array.from([784, 200, 100, 25, 10]) },
    { dtype: '<i8', shape: [2, 1], data: BigInt64Array.from([-(2n ** 62n), 7n]) },
    { dtype: '<f4', shape: [], data: Float32Array.from([42]) },
  ];
  it.each(cases)('round-trips $dtype of shape $shape bit for bit', (array) => {
    const bytes = encodeNpy(array);
    const decoded = decodeNpy(bytes, 'x.npy');
    expect(decoded.dtype).toBe(array.dtype);
    expect(decoded.shape).toEqual(array.shape);
    expect(asBytes(decoded.data)).toEqual(asBytes(array.data));
  });

  it('writes the header numpy.save writes, with the data 64-byte aligned', () => {
    const bytes = encodeNpy({ dtype: '<f4', shape: [10, 1], data: new Float32Array(10) });
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    const header = String.fromCharCode(...bytes.subarray(10, 10 + headerLength));
    expect(header.trimEnd()).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 1), }");
    expect(header.endsWith('\n')).toBe(true);
    expect((10 + headerLength) % 64).toBe(0);
  });

  it('reads versions 2 and 3 headers and double quotes', () => {
    const data = asBytes(Int32Array.from([1, 2]));
    for (const major of [2, 3]) {
      const decoded = decodeNpy(
        npyBytes(major, `{"descr": "<i4", "shape": (2,), "fortran_order": False}`, data),
        'v.npy',
      );
      expect(Array.from(decoded.data as Int32Array)).toEqual([1, 2]);
    }
  });

  it('converts Fortran order to row-major order', () => {
    // Column-major storage of [[1, 2, 3], [4, 5, 6]].
    const data = asBytes(Float32Array.from([1, 4, 2, 5, 3, 6]));
    const decoded = decodeNpy(
      npyBytes(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", data),
      'f.npy',
    );
    expect(decoded.shape).toEqual([2, 3]);
    expect(Array.from(decoded.data as Float32Array)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  const errors: [string, Uint8Array, RegExp][] = [
    [
      'a wrong magic',
      new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 0, 0, 0]),
      /array W0.npy: not a \.npy array.*found 50 4b 03 04 00 00/,
    ],
    ['version 4', npyBytes(4, '{}'), /version 4\.0 is not supported/],
    [
      'a big-endian dtype',
      npyBytes(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4)),
      /dtype '>f4' \(big-endian; save it with \.astype\('<f4'\)\) is not supported/,
    ],
    [
      'float16',
      npyBytes(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(2)),
      /dtype '<f2' is not supported; expected float32/,
    ],
    [
      'a structured dtype',
      npyBytes(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }"),
      /structured dtype/,
    ],
    [
      'a missing key',
      npyBytes(1, "{'descr': '<f4', 'shape': (1,), }"),
      /exactly the keys descr, fortran_order and shape/,
    ],
    [
      'a Python expression',
      npyBytes(1, "{'descr': '<f4', 'fortran_order': __import__('os'), 'shape': (1,), }"),
      /unexpected value/,
    ],
    [
      'a negative dimension',
      npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"),
      /unexpected value/,
    ],
    [
      'too few data bytes',
      npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new Uint8Array(20)),
      /float32 array of shape \(2, 3\) needs 24 data bytes, found 20: the file is truncated/,
    ],
    [
      'too many data bytes',
      npyBytes(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8)),
      /needs 4 data bytes, found 8: the file is longer than its header says/,
    ],
  ];
  it.each(errors)('refuses %s with a precise ModelFormatError', (_, bytes, message) => {
    expect(() => decodeNpy(bytes, 'W0.npy')).toThrow(ModelFormatError);
    expect(() => decodeNpy(bytes, 'W0.npy')).toThrow(message);
  });

  it('refuses a 2 GB header claim before reading it', () => {
    const bytes = npyBytes(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }");
    new DataView(bytes.buffer).setUint32(8, 2 ** 31, true);
    expect(() => decodeNpy(bytes, 'W0.npy')).toThrow(
      /header claims 2147483648 bytes; headers longer than 10000 are refused/,
    );
  });
});
