// Runs every test (unit + component, then build, then browser) and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const outDir = 'test-results';
mkdirSync(outDir, { recursive: true });
const args = process.argv.slice(2);
const only = args.find((a) => a === '--unit' || a === '--browser');

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

function run(cmd, cmdArgs, env = process.env) {
  console.log(`\n> ${cmd} ${cmdArgs.join(' ')}`);
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  return result.status ?? 1;
}

function vitest(name, extraArgs, env = process.env) {
  const report = `${outDir}/${name}.json`;
  if (existsSync(report)) rmSync(report);
  const status = run(
    'npx',
    ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (!existsSync(report)) {
    console.error(`${name}: vitest wrote no report (exit ${status})`);
    failed += 1;
    broken = true;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  // A suite that fails to load counts no test but must still fail the run.
  const brokenSuites = json.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  );
  if (brokenSuites.length > 0) {
    failed += brokenSuites.length;
    for (const s of brokenSuites) console.error(`suite failed to load: ${s.name}\n${s.message}`);
  }
  if (status !== 0 && json.numFailedTests === 0 && brokenSuites.length === 0) broken = true;
}

if (only !== '--browser') vitest('unit', []);
if (only !== '--unit') {
  if (run('npm', ['run', 'build']) !== 0) {
    console.error('build failed: browser tests not run');
    failed += 1;
    broken = true;
  } else {
    // The build above is fresh: the browser harness need not build again, even in CI.
    vitest('browser', ['--config', 'vitest.browser.config.ts'], {
      ...process.env,
      DIGIT_LAB_FRESH_BUILD: '1',
    });
  }
}

console.log('');
if (skipped) console.log(`${skipped} skipped`);
// The plain count is the very last line: CI and people read it there.
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
