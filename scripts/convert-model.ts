// `npm run convert-model -- IN OUT [--float16]`: rewrites a .dlm or .npz model as a current .dlm (or an .npz).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importModelFile } from '../src/io/model-import';
import { ModelFormatError } from '../src/nn/model-format-error';
import { CliUsageError } from './cli-options';
import { modelWriterFor } from './cli-model-writers';

const USAGE = `Usage: npm run convert-model -- IN OUT [--float16]

Reads a Digit Lab model (.dlm, any version this app reads) or a NumPy .npz and writes it to OUT, by its
extension: a version 2 .dlm with float32 weights (--float16: float16, half the size), or an .npz (float32).
Name, config, metrics and training history are kept. IN and OUT may be the same file.`;

function main(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { float16: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`convert-model: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    console.error(`convert-model: expected IN and OUT, got ${parsed.positionals.length} paths\n\n${USAGE}`);
    return 2;
  }
  const [input, output] = parsed.positionals;
  const dtype = parsed.values.float16 ? 'float16' : 'float32';
  let write;
  try {
    write = modelWriterFor(output, dtype);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`convert-model: ${error.message.replace('--out', 'OUT')}\n\n${USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input);
  } catch (error) {
    console.error(`convert-model: cannot read ${input}: ${(error as Error).message}`);
    return 1;
  }
  let out: Uint8Array;
  try {
    out = write(importModelFile(bytes, input));
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    console.error(`convert-model: ${input}: ${error.message}`);
    return 1;
  }
  writeFileSync(output, out);
  console.log(`wrote ${output} (${out.length} bytes, ${dtype}; ${input} was ${bytes.length} bytes)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
