// `npm run evaluate -- FILE`: loads a .dlm or .npz model, evaluates it on the 10,000 MNIST test digits, prints one JSON line.
import { readFileSync } from 'node:fs';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { importModelFile } from '../src/io/model-import';
import { evaluateModel } from '../src/nn/evaluate-model';
import { architectureOf, denseParamsOf } from '../src/nn/model-params';
import { ModelFormatError } from '../src/nn/model-format-error';

const USAGE = `Usage: npm run evaluate -- FILE

Evaluates a Digit Lab model (.dlm) or NumPy archive (.npz: W0, b0, W1, b1, …), dense or with conv and pool
layers, on the 10,000 MNIST test digits and prints {"file", "layerSizes" (null with conv or pool layers),
"architecture", "testLoss", "testAccuracy", "perClassAccuracy"} as one JSON line.`;

function main(args: string[]): number {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.error(USAGE);
    return args[0] === '--help' || args[0] === '-h' ? 0 : 2;
  }
  const file = args[0];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`evaluate: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  let params;
  try {
    params = importModelFile(bytes, file).params;
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    console.error(`evaluate: ${file}: ${error.message}`);
    return 1;
  }
  const result = evaluateModel(params, loadMnistFromDisk('test'));
  console.log(
    JSON.stringify({
      file,
      layerSizes: denseParamsOf(params)?.layerSizes ?? null,
      architecture: architectureOf(params),
      testLoss: result.loss,
      testAccuracy: result.accuracy,
      perClassAccuracy: Array.from(result.perClassAccuracy),
    }),
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
