// Chooses how to write a trained model from the output file's extension; a new format is one more entry.
import { networkToNpz } from '../src/io/network-npz';
import { serializeModel, type ModelFile, type TensorDtype } from '../src/nn/model-file';
import { CliUsageError } from './cli-options';

type ModelWriter = (model: ModelFile) => Uint8Array;

const WRITERS: Record<string, (dtype: TensorDtype) => ModelWriter | null> = {
  '.dlm': (dtype) => (model) => serializeModel(model, { dtype }),
  // NumPy's archive holds the float32 weights only (W{i}, b{i}, layer_sizes); config, metrics and history live in .dlm.
  '.npz': (dtype) => (dtype === 'float32' ? (model) => networkToNpz(model.params) : null),
};

export function modelWriterFor(path: string, dtype: TensorDtype = 'float32'): ModelWriter {
  const extension = Object.keys(WRITERS).find((ext) => path.toLowerCase().endsWith(ext));
  if (extension === undefined) {
    throw new CliUsageError(`--out must end in one of ${Object.keys(WRITERS).join(', ')}, got "${path}"`);
  }
  const writer = WRITERS[extension](dtype);
  if (writer === null) {
    throw new CliUsageError(
      `${extension} files hold float32 weights; ${dtype} is for .dlm files, got "${path}"`,
    );
  }
  return writer;
}
