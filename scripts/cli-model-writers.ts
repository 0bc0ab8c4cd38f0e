// Chooses how to write a trained model from the output file's extension; a new format is one more entry.
import { networkToNpz } from '../src/io/network-npz';
import { serializeModel, type ModelFile } from '../src/nn/model-file';
import { CliUsageError } from './cli-options';

type ModelWriter = (model: ModelFile) => Uint8Array;

const WRITERS: Record<string, ModelWriter> = {
  '.dlm': serializeModel,
  // NumPy's archive holds the weights only (W{i}, b{i}, layer_sizes); config and metrics live in .dlm.
  '.npz': (model) => networkToNpz(model.params),
};

export function modelWriterFor(path: string): ModelWriter {
  const extension = Object.keys(WRITERS).find((ext) => path.toLowerCase().endsWith(ext));
  if (extension === undefined) {
    throw new CliUsageError(`--out must end in one of ${Object.keys(WRITERS).join(', ')}, got "${path}"`);
  }
  return WRITERS[extension];
}
