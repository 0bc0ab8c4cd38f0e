// `npm run robustness`: both shipped networks by default, every condition and the hand-drawn set in its JSON
// line, and one clear line (exit code 2) for a wrong option or a missing file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const robustness = (args: string[]) =>
  spawnSync(tsx, [join('scripts', 'robustness.ts'), ...args], { encoding: 'utf8', maxBuffer: 16 << 20 });

describe('scripts/robustness.ts', () => {
  it('reads 50 test digits under every condition, and the hand-drawn set, with both shipped networks', () => {
    const result = robustness(['--limit', '50']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(json.samples).toBe(50);
    expect(Object.keys(json.robustness)).toEqual(['Reference 784-200-100-25-10', 'Convolutional']);
    const reference = json.robustness['Reference 784-200-100-25-10'];
    expect(Object.keys(reference)).toEqual([
      'plain',
      'corner',
      'shrunk',
      'enlarged',
      'thick',
      'rotated-25',
      'rotated-35',
      'perspective',
      'local-pen',
      'elastic-fine',
      'elastic-coarse',
    ]);
    expect(reference.plain.with).toBeGreaterThan(90);
    expect(reference.corner.without).toBeLessThan(reference.corner.with);
    expect(json.handDrawn.Convolutional.digits).toHaveLength(10);
    expect(json.handDrawn.Convolutional.all).toBeGreaterThan(90);
    expect(result.stdout).toContain('442 hand-drawn digits');
  }, 120_000);

  it('names a wrong option, or the hand-drawn file it cannot read, with exit code 2', () => {
    const option = robustness(['--limit', '5', '--wobble']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/^robustness: unknown option --wobble/);
    const missing = robustness(['--limit', '5', '--hand-drawn', 'no-such-set.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^robustness: cannot read the hand-drawn set no-such-set\.json/);
    expect(missing.stdout).toBe('');
  }, 60_000);
});
