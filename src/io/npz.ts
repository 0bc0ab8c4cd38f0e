// NumPy's .npz archive: a zip of .npy files, written and read with fflate, refusing oversized claims before allocating.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { ModelFormatError } from '../nn/model-format-error';
import { decodeNpy, encodeNpy, type NpyArray } from './npy';

export interface NpzLimits {
  /** Largest total of uncompressed .npy bytes accepted. */
  readonly maxUncompressedBytes: number;
  /** Largest number of entries in the archive. */
  readonly maxEntries: number;
}

export const DEFAULT_NPZ_LIMITS: NpzLimits = {
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxEntries: 1000,
};

const END_OF_CENTRAL_DIRECTORY_BYTES = 22;

/** Like numpy.savez: one stored (uncompressed) `NAME.npy` entry per array. */
export function encodeNpz(arrays: Readonly<Record<string, NpyArray>>): Uint8Array {
  const files: Zippable = {};
  for (const [name, array] of Object.entries(arrays)) files[`${name}.npy`] = encodeNpy(array);
  return zipSync(files, { level: 0 });
}

/** Reads every `*.npy` entry, keyed by its name without `.npy` (as numpy.load does); other entries are skipped. */
export function decodeNpz(bytes: Uint8Array, limits: NpzLimits = DEFAULT_NPZ_LIMITS): Map<string, NpyArray> {
  if (bytes.length < END_OF_CENTRAL_DIRECTORY_BYTES) {
    throw new ModelFormatError(
      `not a valid .npz archive: ${bytes.length} bytes is shorter than the smallest zip file (${END_OF_CENTRAL_DIRECTORY_BYTES} bytes)`,
    );
  }
  let entries = 0;
  let claimedBytes = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // Runs before fflate allocates an entry's output buffer, so a forged size never reaches `new Uint8Array`.
      filter: (file) => {
        if (++entries > limits.maxEntries) {
          throw new ModelFormatError(
            `the archive has more than ${limits.maxEntries} entries; a network needs a few dozen`,
          );
        }
        if (!file.name.endsWith('.npy')) return false;
        if (file.compression !== 0 && file.compression !== 8) {
          throw new ModelFormatError(
            `entry ${file.name} uses zip compression method ${file.compression}; only stored (0) and deflate (8) are read`,
          );
        }
        claimedBytes += file.originalSize;
        if (claimedBytes > limits.maxUncompressedBytes) {
          throw new ModelFormatError(
            `entry ${file.name} claims ${file.originalSize} bytes, taking the archive past the ${limits.maxUncompressedBytes}-byte limit for a model`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(
      `not a valid .npz archive: the zip structure is broken (${(error as Error).message})`,
    );
  }
  const arrays = new Map<string, NpyArray>();
  for (const [fileName, content] of Object.entries(files)) {
    arrays.set(fileName.slice(0, -'.npy'.length), decodeNpy(content, fileName));
  }
  return arrays;
}
