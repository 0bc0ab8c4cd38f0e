// Opens a model file of either kind (.dlm or .npz), told apart by its first bytes, as a ModelFile — or says why not.
import { deserializeModel, type ModelFile } from '../nn/model-file';
import { ModelFormatError } from '../nn/model-format-error';
import { networkFromNpz } from './network-npz';

export type ModelFileFormat = 'dlm' | 'npz';

/** Far above any network Digit Lab trains (the reference one is 0.7 MB as float32, 1.4 MB as float64). */
export const MAX_MODEL_FILE_BYTES = 128 * 1024 * 1024;

const SIGNATURES: readonly { format: ModelFileFormat; bytes: readonly number[] }[] = [
  { format: 'dlm', bytes: [0x44, 0x4c, 0x4d, 0x00] }, // "DLM\0"
  { format: 'npz', bytes: [0x50, 0x4b, 0x03, 0x04] }, // "PK\3\4", a zip's first local file header
];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const NPY = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export function detectModelFormat(bytes: Uint8Array): ModelFileFormat {
  for (const signature of SIGNATURES) if (startsWith(bytes, signature.bytes)) return signature.format;
  if (startsWith(bytes, EMPTY_ZIP))
    throw new ModelFormatError('the .npz archive is empty; expected arrays W0, b0, W1, b1, …');
  if (startsWith(bytes, NPY)) {
    throw new ModelFormatError(
      'this is a single .npy array; a network is an .npz archive of W0, b0, W1, b1, … (numpy.savez)',
    );
  }
  const found = Array.from(bytes.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
  throw new ModelFormatError(
    `not a model file: a Digit Lab model starts with 44 4c 4d 00 ("DLM") and an .npz with 50 4b 03 04 ("PK"), this file starts with ${found || 'nothing (it is empty)'}`,
  );
}

/** The file name without its extension, the name an imported .npz gets. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return name === '' ? 'Imported model' : name;
}

/** Throws only ModelFormatError: any other failure on untrusted bytes is reported as a broken file. */
export function importModelFile(bytes: Uint8Array, fileName: string, now: Date = new Date()): ModelFile {
  if (bytes.length > MAX_MODEL_FILE_BYTES) {
    throw new ModelFormatError(
      `${fileName} is ${bytes.length} bytes; model files larger than ${MAX_MODEL_FILE_BYTES} bytes (128 MB) are refused`,
    );
  }
  const format = detectModelFormat(bytes);
  try {
    if (format === 'dlm') return deserializeModel(bytes);
    return {
      name: baseName(fileName),
      createdAt: now.toISOString(),
      params: networkFromNpz(bytes),
      config: null,
      metrics: {},
    };
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(
      `${fileName} could not be read as a ${format === 'dlm' ? 'Digit Lab model' : '.npz archive'}: ${(error as Error).message}`,
    );
  }
}
