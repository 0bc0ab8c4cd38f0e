// Compiles the AssemblyScript kernels in assembly/ to src/generated/ (never committed): digit-kernels.wasm with
// its own memory, and digit-kernels-shared.wasm importing a shared memory that several workers train in.
// Runs at postinstall, dev and build; skips work when both .wasm files are newer than every source file.
import asc from 'assemblyscript/asc';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'assembly');
const outDir = join(root, 'src', 'generated');
const variants = [
  { file: 'digit-kernels.wasm', flags: [] },
  {
    file: 'digit-kernels-shared.wasm',
    // Each run sizes its own shared memory (src/worker/shared-memory-plan.ts); the module accepts up to 1 GiB.
    flags: [
      '--importMemory',
      '--sharedMemory',
      '--enable',
      'threads',
      '--initialMemory',
      '1',
      '--maximumMemory',
      '16384',
    ],
  },
];

function newestSourceMs() {
  return readdirSync(sourceDir)
    .map((name) => statSync(join(sourceDir, name)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
}

const force = process.argv.includes('--force');
const newest = newestSourceMs();
mkdirSync(outDir, { recursive: true });
for (const { file, flags } of variants) {
  const outFile = join(outDir, file);
  if (!force && existsSync(outFile) && statSync(outFile).mtimeMs > newest) {
    console.log(`wasm kernels up to date: ${relative(root, outFile)}`);
    continue;
  }
  const { error, stderr } = await asc.main(
    [
      join(sourceDir, 'index.ts'),
      '--config',
      join(sourceDir, 'asconfig.json'),
      '--target',
      'release',
      ...flags,
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
}
