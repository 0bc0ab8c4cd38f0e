// Compiles the AssemblyScript kernels in assembly/ to src/generated/digit-kernels.wasm (never committed).
// Runs at postinstall, dev and build; skips work when the .wasm is newer than every source file.
import asc from 'assemblyscript/asc';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'assembly');
const outFile = join(root, 'src', 'generated', 'digit-kernels.wasm');

function newestSourceMs() {
  return readdirSync(sourceDir)
    .map((name) => statSync(join(sourceDir, name)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
}

const force = process.argv.includes('--force');
if (!force && existsSync(outFile) && statSync(outFile).mtimeMs > newestSourceMs()) {
  console.log(`wasm kernels up to date: ${relative(root, outFile)}`);
  process.exit(0);
}

mkdirSync(dirname(outFile), { recursive: true });
const { error, stderr } = await asc.main(
  [
    join(sourceDir, 'index.ts'),
    '--config',
    join(sourceDir, 'asconfig.json'),
    '--target',
    'release',
    '--outFile',
    outFile,
  ],
  { stdout: process.stdout, stderr: process.stderr },
);
if (error) {
  console.error(`AssemblyScript compilation of ${relative(root, sourceDir)} failed: ${error.message}`);
  console.error(stderr.toString());
  process.exit(1);
}
console.log(`built ${relative(root, outFile)} (${statSync(outFile).size} bytes)`);
