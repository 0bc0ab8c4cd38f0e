// Compiles the AssemblyScript kernels in assembly/ to src/generated/ (never committed): digit-kernels.wasm with
// its own memory, digit-kernels-shared.wasm importing a shared memory that several workers train in, and a
// relaxed-SIMD build of each. Runs at postinstall, dev and build; skips a file newer than every source file.
import asc from 'assemblyscript/asc';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'assembly');
const outDir = join(root, 'src', 'generated');
const SHARED = [
  '--importMemory',
  '--sharedMemory',
  '--enable',
  'threads',
  '--initialMemory',
  '1',
  '--maximumMemory',
  '16384',
];
// Each also as a relaxed-SIMD build (fused multiply-add), which the browser prefers where it validates.
const RELAXED = ['--enable', 'relaxed-simd'];
const variants = [
  { file: 'digit-kernels.wasm', flags: [] },
  // Each run sizes its own shared memory (src/worker/shared-memory-plan.ts); the module accepts up to 1 GiB.
  { file: 'digit-kernels-shared.wasm', flags: SHARED },
  { file: 'digit-kernels-relaxed.wasm', flags: RELAXED },
  { file: 'digit-kernels-shared-relaxed.wasm', flags: [...SHARED, ...RELAXED] },
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
