// Digit Lab's own model file (.dlm): magic bytes, a JSON header, then the float32 weights, checked on reading.
import { ModelFormatError } from './model-format-error';
import { parameterCount } from './network';
import { checkConfig, checkLayerSizes, checkTensors, isRecord, tensorEntries } from './model-file-checks';
import type { NetworkParams, TrainingConfig } from './types';

/**
 * Layout (all little-endian):
 *   bytes 0-3   magic "DLM\0"
 *   bytes 4-7   uint32 header length H (bytes of UTF-8 JSON, padded with spaces to a multiple of 4)
 *   bytes 8..   the JSON header: { format, formatVersion, name, createdAt, layerSizes, tensors, config, metrics }
 *   then        float32 tensors in the order W0, b0, W1, b1, ... (W_l of shape (units, inputs), row-major)
 * The weights start 4-byte aligned, so a reader can view them as a Float32Array without copying.
 */
export const MODEL_FILE_EXTENSION = '.dlm';
export const MODEL_FORMAT_NAME = 'digit-lab-model';
export const MODEL_FORMAT_VERSION = 1;
const MAGIC = [0x44, 0x4c, 0x4d, 0x00];
const PREAMBLE_BYTES = 8;
/** Far above any real header (a few KB); refuses files that claim absurd sizes before reading them. */
const MAX_HEADER_BYTES = 1 << 20;

export interface ModelMetrics {
  testAccuracy?: number;
  testLoss?: number;
  epochs?: number;
  [key: string]: unknown;
}

export interface ModelFile {
  name: string;
  /** ISO 8601 time. */
  createdAt: string;
  params: NetworkParams;
  config: TrainingConfig | null;
  metrics: ModelMetrics;
}

export function serializeModel(m: ModelFile): Uint8Array {
  const { layerSizes } = m.params;
  checkLayerSizes(layerSizes);
  const entries = tensorEntries(layerSizes);
  entries.forEach((entry, index) => {
    const data = index % 2 === 0 ? m.params.W[index >> 1] : m.params.b[index >> 1];
    const expected = entry.shape[0] * entry.shape[1];
    if (!data || data.length !== expected) {
      throw new ModelFormatError(
        `cannot save: tensor ${entry.name} should hold ${expected} numbers for a ${layerSizes.join('-')} network, found ${data?.length ?? 'none'}`,
      );
    }
  });
  const header = {
    format: MODEL_FORMAT_NAME,
    formatVersion: MODEL_FORMAT_VERSION,
    name: m.name,
    createdAt: m.createdAt,
    layerSizes: [...layerSizes],
    tensors: entries.map((e) => ({ ...e, dtype: 'float32' })),
    config: m.config,
    metrics: m.metrics,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const weightCount = parameterCount(layerSizes);
  const bytes = new Uint8Array(PREAMBLE_BYTES + headerBytes + weightCount * 4);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, headerBytes, true);
  bytes.set(json, PREAMBLE_BYTES);
  bytes.fill(0x20, PREAMBLE_BYTES + json.length, PREAMBLE_BYTES + headerBytes);
  let offset = PREAMBLE_BYTES + headerBytes;
  for (let l = 0; l < m.params.W.length; l++) {
    for (const tensor of [m.params.W[l], m.params.b[l]]) {
      writeLittleEndian(bytes, view, offset, tensor);
      offset += tensor.length * 4;
    }
  }
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;

/**
 * The file's float32s are little-endian: on such a machine (every current one) a plain copy, else one value
 * at a time. `offset` is a multiple of 4 (the header is padded), as a Float32Array view needs.
 */
function writeLittleEndian(bytes: Uint8Array, view: DataView, offset: number, tensor: Float32Array): void {
  if (LITTLE_ENDIAN) {
    new Float32Array(bytes.buffer, bytes.byteOffset + offset, tensor.length).set(tensor);
    return;
  }
  for (let i = 0; i < tensor.length; i++) view.setFloat32(offset + 4 * i, tensor[i], true);
}

/** What a .dlm file says about its model, read without decoding the weights. */
export interface ModelHeader {
  name: string;
  /** ISO 8601 time. */
  createdAt: string;
  layerSizes: number[];
  config: TrainingConfig | null;
  metrics: ModelMetrics;
  /** Where the float32 weights begin. */
  weightStart: number;
}

/**
 * Checks the preamble, the header and that the weights are exactly as long as the header says; the weights
 * themselves are not read: bytes that are stored or passed on as they are need no decoding.
 */
export function readModelHeader(bytes: Uint8Array): ModelHeader {
  if (bytes.length < PREAMBLE_BYTES) {
    throw new ModelFormatError(
      `not a Digit Lab model: the file is ${bytes.length} bytes, shorter than the ${PREAMBLE_BYTES}-byte preamble`,
    );
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) {
      const found = Array.from(bytes.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
      throw new ModelFormatError(
        `not a Digit Lab model: expected the magic bytes 44 4c 4d 00 ("DLM"), found ${found}`,
      );
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = view.getUint32(4, true);
  if (headerBytes > MAX_HEADER_BYTES || headerBytes > bytes.length - PREAMBLE_BYTES) {
    throw new ModelFormatError(
      `the header claims ${headerBytes} bytes but ${Math.min(MAX_HEADER_BYTES, bytes.length - PREAMBLE_BYTES)} at most are available: the file is truncated or corrupt`,
    );
  }
  if (headerBytes % 4 !== 0) {
    throw new ModelFormatError(`the header length must be a multiple of 4 bytes, found ${headerBytes}`);
  }
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes),
      ),
    );
  } catch (error) {
    throw new ModelFormatError(`the header is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  if (!isRecord(header)) throw new ModelFormatError('the header must be a JSON object');
  if (header.format !== MODEL_FORMAT_NAME) {
    throw new ModelFormatError(
      `expected format "${MODEL_FORMAT_NAME}", found ${JSON.stringify(header.format)}`,
    );
  }
  if (header.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `this Digit Lab reads model format version ${MODEL_FORMAT_VERSION}, the file is version ${JSON.stringify(header.formatVersion)}`,
    );
  }
  if (typeof header.name !== 'string') throw new ModelFormatError('the header needs a "name" string');
  if (typeof header.createdAt !== 'string')
    throw new ModelFormatError('the header needs a "createdAt" string');
  const layerSizes = header.layerSizes;
  if (!Array.isArray(layerSizes))
    throw new ModelFormatError('the header needs "layerSizes", an array of integers');
  checkLayerSizes(layerSizes);
  checkTensors(header.tensors, layerSizes);
  const config =
    header.config === null || header.config === undefined ? null : checkConfig(header.config, layerSizes);
  if (!isRecord(header.metrics)) throw new ModelFormatError('the header needs a "metrics" object');

  const weightStart = PREAMBLE_BYTES + headerBytes;
  const expectedWeightBytes = parameterCount(layerSizes) * 4;
  const foundWeightBytes = bytes.length - weightStart;
  if (foundWeightBytes !== expectedWeightBytes) {
    throw new ModelFormatError(
      `a ${layerSizes.join('-')} network needs ${expectedWeightBytes} bytes of weights, the file has ${foundWeightBytes}: it is ${foundWeightBytes < expectedWeightBytes ? 'truncated' : 'longer than its header says'}`,
    );
  }
  return {
    name: header.name,
    createdAt: header.createdAt,
    layerSizes: [...layerSizes],
    config,
    metrics: header.metrics as ModelMetrics,
    weightStart,
  };
}

function nonFiniteWeight(entryName: string, value: number, index: number): ModelFormatError {
  return new ModelFormatError(
    `tensor ${entryName} holds ${value} at index ${index}; every weight must be a finite number`,
  );
}

export function deserializeModel(bytes: Uint8Array): ModelFile {
  const { name, createdAt, layerSizes, config, metrics, weightStart } = readModelHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  let offset = weightStart;
  for (const entry of tensorEntries(layerSizes)) {
    const tensor = new Float32Array(entry.shape[0] * entry.shape[1]);
    for (let i = 0; i < tensor.length; i++, offset += 4) {
      const value = view.getFloat32(offset, true);
      if (!Number.isFinite(value)) throw nonFiniteWeight(entry.name, value, i);
      tensor[i] = value;
    }
    (entry.name.startsWith('W') ? W : b).push(tensor);
  }
  return { name, createdAt, params: { layerSizes, W, b }, config, metrics };
}
