// Digit Lab's own model file (.dlm): magic bytes, a JSON header, then the weights (float32 or float16), checked on reading.
import { checkArchitecture, denseArchitecture, parseModelArchitecture } from './architecture';
import { float16Bits, float16Value } from './float16';
import { denseLayers, formatLayerList, type Layer } from './layer';
import { checkLayerParams } from './layer-network';
import { resolveLayers } from './layer-shapes';
import { ModelFormatError } from './model-format-error';
import { checkHistory, type ModelHistory } from './model-history';
import {
  BYTES_PER_VALUE,
  checkConfig,
  checkLayerSizes,
  checkTensors,
  isRecord,
  layerTensorEntries,
  tensorEntries,
  type TensorDtype,
  type TensorEntry,
} from './model-file-checks';
import { denseParamsOf, layerParamsOf, type ModelParams } from './model-params';
import type { TrainingConfig } from './types';

export type { TensorDtype } from './model-file-checks';

/**
 * Layout (all little-endian; docs/formats.md has the whole description):
 *   bytes 0-3   magic "DLM\0"
 *   bytes 4-7   uint32 header length H (bytes of UTF-8 JSON, padded with spaces to a multiple of 4)
 *   bytes 8..   the JSON header: { format, formatVersion, name, createdAt, layerSizes, architecture, tensors,
 *               config, metrics, history? }
 *   then        the tensors W0, b0, W1, b1, ... (dense W_l of shape (units, inputs), conv W_l (F, C_in·K·K),
 *               row-major), each in its own dtype and starting 4-byte aligned (zero bytes pad a float16 tensor
 *               of odd length). A network with conv or pool layers has no layerSizes: its architecture says all.
 * Version 1 is the same without architecture and history, and float32 only.
 */
export const MODEL_FILE_EXTENSION = '.dlm';
export const MODEL_FORMAT_NAME = 'digit-lab-model';
export const MODEL_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
const DTYPES_OF_VERSION: Record<number, readonly TensorDtype[]> = {
  1: ['float32'],
  2: ['float32', 'float16'],
};
const MAGIC = [0x44, 0x4c, 0x4d, 0x00];
const PREAMBLE_BYTES = 8;
/** Far above any real header (a few KB; a few MB with the longest history read); refuses absurd claims early. */
const MAX_HEADER_BYTES = 1 << 22;

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
  /** NetworkParams for a dense network, LayerNetworkParams when the list has a conv or pool layer. */
  params: ModelParams;
  config: TrainingConfig | null;
  metrics: ModelMetrics;
  /** The curves and epoch times of the training that made it; null (or absent) when unknown. */
  history?: ModelHistory | null;
}

export interface SerializeOptions {
  /** float32 (the default) keeps every bit; float16 halves the file. */
  readonly dtype?: TensorDtype;
}

const align4 = (n: number) => Math.ceil(n / 4) * 4;

export function serializeModel(m: ModelFile, options: SerializeOptions = {}): Uint8Array {
  const dtype = options.dtype ?? 'float32';
  const dense = denseParamsOf(m.params);
  const layerSizes = dense?.layerSizes ?? null;
  let entries: TensorEntry[];
  let architecture: string;
  let networkName: string;
  if (layerSizes !== null) {
    checkLayerSizes(layerSizes);
    entries = tensorEntries(layerSizes);
    architecture = denseArchitecture(layerSizes.slice(1, -1));
    networkName = layerSizes.join('-');
  } else {
    const { layers } = layerParamsOf(m.params);
    architecture = formatLayerList(layers);
    entries = layerTensorEntries(resolveLayers(layers));
    networkName = `"${architecture}"`;
  }
  const tensors = entries.map((entry, index) => {
    const data = index % 2 === 0 ? m.params.W[index >> 1] : m.params.b[index >> 1];
    const expected = entry.shape[0] * entry.shape[1];
    if (!data || data.length !== expected) {
      throw new ModelFormatError(
        `cannot save: tensor ${entry.name} should hold ${expected} numbers for a ${networkName} network, found ${data?.length ?? 'none'}`,
      );
    }
    return data;
  });
  if (m.params.W.length * 2 !== entries.length || m.params.b.length * 2 !== entries.length) {
    throw new ModelFormatError(
      `cannot save: a ${networkName} network has ${entries.length / 2} weight tensors, found ${m.params.W.length}`,
    );
  }
  // What is written must read back: a malformed history (a NaN loss would become null in JSON) is refused here.
  const history = m.history ? checkHistory(m.history, 'cannot save: ') : null;
  const header = {
    format: MODEL_FORMAT_NAME,
    formatVersion: MODEL_FORMAT_VERSION,
    name: m.name,
    createdAt: m.createdAt,
    ...(layerSizes !== null ? { layerSizes: [...layerSizes] } : {}),
    architecture,
    tensors: entries.map((e) => ({ ...e, dtype })),
    config: m.config,
    metrics: m.metrics,
    ...(history ? { history } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = align4(json.length);
  const weightBytes = tensors.reduce((n, t) => n + align4(t.length * BYTES_PER_VALUE[dtype]), 0);
  const bytes = new Uint8Array(PREAMBLE_BYTES + headerBytes + weightBytes);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, headerBytes, true);
  bytes.set(json, PREAMBLE_BYTES);
  bytes.fill(0x20, PREAMBLE_BYTES + json.length, PREAMBLE_BYTES + headerBytes);
  let offset = PREAMBLE_BYTES + headerBytes;
  tensors.forEach((tensor, i) => {
    if (dtype === 'float32') writeFloat32(bytes, view, offset, tensor);
    else writeFloat16(view, offset, tensor, entries[i]);
    offset += align4(tensor.length * BYTES_PER_VALUE[dtype]);
  });
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;

/**
 * The file's float32s are little-endian: on such a machine (every current one) a plain copy, else one value
 * at a time. `offset` is a multiple of 4 (the header and tensors are padded), as a Float32Array view needs.
 */
function writeFloat32(bytes: Uint8Array, view: DataView, offset: number, tensor: Float32Array): void {
  if (LITTLE_ENDIAN) {
    new Float32Array(bytes.buffer, bytes.byteOffset + offset, tensor.length).set(tensor);
    return;
  }
  for (let i = 0; i < tensor.length; i++) view.setFloat32(offset + 4 * i, tensor[i], true);
}

function writeFloat16(view: DataView, offset: number, tensor: Float32Array, entry: TensorEntry): void {
  for (let i = 0; i < tensor.length; i++) {
    const bits = float16Bits(tensor[i]);
    // A finite weight past ±65504 would become infinity, a file no reader accepts: refuse it here instead.
    if ((bits & 0x7c00) === 0x7c00 && Number.isFinite(tensor[i])) {
      throw new ModelFormatError(
        `cannot save as float16: ${entry.name}[${i}] is ${tensor[i]}, beyond float16's largest value 65504; save as float32`,
      );
    }
    view.setUint16(offset + 2 * i, bits, true);
  }
}

export interface StoredTensor extends TensorEntry {
  dtype: TensorDtype;
  /** Where its numbers begin in the file. */
  byteOffset: number;
}

/** What a .dlm file says about its model, read without decoding the weights. */
export interface ModelHeader {
  formatVersion: number;
  name: string;
  /** ISO 8601 time. */
  createdAt: string;
  /** The dense network's sizes, e.g. [784, 200, 100, 25, 10]; null when the layers include conv or pool. */
  layerSizes: number[] | null;
  /** The hidden layers as written in the file. */
  layers: Layer[];
  /** The layer list ("dense 200, dense 100"); a version 1 file's is derived from its layer sizes. */
  architecture: string;
  tensors: StoredTensor[];
  config: TrainingConfig | null;
  metrics: ModelMetrics;
  history: ModelHistory | null;
  /** Where the weights begin. */
  weightStart: number;
}

function checkVersion(version: unknown): number {
  if (typeof version === 'number' && READABLE_VERSIONS.includes(version)) return version;
  const readable = `versions ${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}`;
  if (typeof version === 'number' && Number.isInteger(version) && version > MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `this file is model format version ${version}; this Digit Lab reads ${readable}: update the app to open it`,
    );
  }
  throw new ModelFormatError(
    `the header's formatVersion must be one of ${READABLE_VERSIONS.join(', ')}, found ${JSON.stringify(version)}`,
  );
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
  const formatVersion = checkVersion(header.formatVersion);
  if (typeof header.name !== 'string') throw new ModelFormatError('the header needs a "name" string');
  if (typeof header.createdAt !== 'string')
    throw new ModelFormatError('the header needs a "createdAt" string');
  const headerSizes: unknown = header.layerSizes;
  // A version 2 file without layerSizes is a layer list (conv, pool, dense): its architecture is the network.
  const listed = formatVersion >= 2 && headerSizes === undefined && header.architecture !== undefined;
  let layerSizes: number[] | null = null;
  let layers: Layer[];
  let entries: TensorEntry[];
  let architecture: string;
  let networkName: string;
  if (listed) {
    layers = parseModelArchitecture(header.architecture);
    architecture = header.architecture as string;
    entries = layerTensorEntries(resolveLayers(layers));
    networkName = `"${formatLayerList(layers)}"`;
  } else {
    if (!Array.isArray(headerSizes))
      throw new ModelFormatError(
        'the header needs "layerSizes", an array of integers, or (version 2) an "architecture" layer list',
      );
    checkLayerSizes(headerSizes);
    layerSizes = headerSizes;
    layers = denseLayers(layerSizes.slice(1, -1));
    architecture = denseArchitecture(layerSizes.slice(1, -1));
    if (formatVersion >= 2 && header.architecture !== undefined) {
      checkArchitecture(header.architecture, layerSizes);
      architecture = header.architecture as string;
    }
    entries = tensorEntries(layerSizes);
    networkName = layerSizes.join('-');
  }
  const dtypes = checkTensors(header.tensors, entries, networkName, DTYPES_OF_VERSION[formatVersion]);
  const config =
    header.config === null || header.config === undefined
      ? null
      : checkConfig(header.config, layers, layerSizes);
  if (!isRecord(header.metrics)) throw new ModelFormatError('the header needs a "metrics" object');
  const history = formatVersion >= 2 ? checkHistory(header.history) : null;

  const weightStart = PREAMBLE_BYTES + headerBytes;
  let offset = weightStart;
  const tensors = entries.map((entry, i) => {
    const tensor: StoredTensor = { ...entry, dtype: dtypes[i], byteOffset: offset };
    offset += align4(entry.shape[0] * entry.shape[1] * BYTES_PER_VALUE[dtypes[i]]);
    return tensor;
  });
  const expectedWeightBytes = offset - weightStart;
  const foundWeightBytes = bytes.length - weightStart;
  if (foundWeightBytes !== expectedWeightBytes) {
    throw new ModelFormatError(
      `a ${networkName} network stored as ${[...new Set(dtypes)].join(' and ')} needs ${expectedWeightBytes} bytes of weights, the file has ${foundWeightBytes}: it is ${foundWeightBytes < expectedWeightBytes ? 'truncated' : 'longer than its header says'}`,
    );
  }
  return {
    formatVersion,
    name: header.name,
    createdAt: header.createdAt,
    layerSizes: layerSizes === null ? null : [...layerSizes],
    layers,
    architecture,
    tensors,
    config,
    metrics: header.metrics as ModelMetrics,
    history,
    weightStart,
  };
}

/** Weights and biases of the network a header describes, whatever its layers: every tensor's numbers. */
export function headerParameterCount(header: Pick<ModelHeader, 'tensors'>): number {
  return header.tensors.reduce((count, tensor) => count + tensor.shape[0] * tensor.shape[1], 0);
}

function nonFiniteWeight(entryName: string, value: number, index: number): ModelFormatError {
  return new ModelFormatError(
    `tensor ${entryName} holds ${value} at index ${index}; every weight must be a finite number`,
  );
}

/** Reads every weight, float16 ones decoded to float32. */
export function deserializeModel(bytes: Uint8Array): ModelFile {
  const { name, createdAt, layerSizes, layers, tensors, config, metrics, history } = readModelHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (const entry of tensors) {
    const tensor = new Float32Array(entry.shape[0] * entry.shape[1]);
    const size = BYTES_PER_VALUE[entry.dtype];
    for (let i = 0, offset = entry.byteOffset; i < tensor.length; i++, offset += size) {
      const value =
        entry.dtype === 'float32'
          ? view.getFloat32(offset, true)
          : float16Value(view.getUint16(offset, true));
      if (!Number.isFinite(value)) throw nonFiniteWeight(entry.name, value, i);
      tensor[i] = value;
    }
    (entry.name.startsWith('W') ? W : b).push(tensor);
  }
  if (layerSizes !== null) return { name, createdAt, params: { layerSizes, W, b }, config, metrics, history };
  const params = { layers, W, b };
  checkLayerParams(params, resolveLayers(layers));
  return { name, createdAt, params, config, metrics, history };
}
