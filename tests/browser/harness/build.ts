// Builds the app for the browser tests when dist/ is missing or older than its sources (always in CI).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, PROJECT_ROOT } from './paths';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'assembly'];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  const builtPage = join(DIST_DIR, 'index.html');
  if (!existsSync(builtPage)) return true;
  const builtAt = statSync(builtPage).mtimeMs;
  return SOURCES.some((source) => newestMtimeMs(join(PROJECT_ROOT, source)) > builtAt);
}

/**
 * In CI the build is always redone (a stale dist/ must never pass), unless scripts/run-tests.mjs has just
 * built it and says so with DIGIT_LAB_FRESH_BUILD=1.
 */
export function ensureBuilt(): void {
  // An escape hatch while other work in the shared tree does not type-check: test the dist/ you built yourself.
  if (process.env.DIGIT_LAB_SKIP_BUILD === '1') return;
  const inCi = Boolean(process.env.CI) && process.env.DIGIT_LAB_FRESH_BUILD !== '1';
  if (!inCi && !buildIsStale()) return;
  console.log('[harness] building the app (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`npm run build failed (exit ${result.status}); browser tests cannot run.`);
}
