// `npm run convert-model`: a version 1 float32 file to version 2 float16 and back, keeping everything but the
// dropped float16 bits; bad arguments and bad files exit non-zero with a message.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roundToFloat16 } from '../../src/nn/float16';
import { deserializeModel, readModelHeader } from '../../src/nn/model-file';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const convert = (args: string[]) =>
  spawnSync(tsx, [join('scripts', 'convert-model.ts'), ...args], { encoding: 'utf8' });

describe('scripts/convert-model.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-convert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const v1 = join(dir, 'v1.dlm');
  copyFileSync('tests/nn/fixtures/version-1.dlm', v1);
  const original = deserializeModel(readFileSync(v1));

  it('rewrites a version 1 file as version 2 float16, in place, and back to float32', () => {
    const halves = convert(['--float16', v1, v1]);
    expect(halves.stderr).toBe('');
    expect(halves.status).toBe(0);
    expect(halves.stdout).toMatch(/^wrote .*v1\.dlm \(\d+ bytes, float16; .*v1\.dlm was 10148 bytes\)\n$/);
    const header = readModelHeader(readFileSync(v1));
    expect(header.formatVersion).toBe(2);
    expect(header.tensors.map((t) => t.dtype)).toEqual(['float16', 'float16', 'float16', 'float16']);
    const converted = deserializeModel(readFileSync(v1));
    expect({ ...converted, params: null }).toEqual({ ...original, params: null });
    expect(converted.params.W[0]).toEqual(roundToFloat16(original.params.W[0]));

    const out = join(dir, 'float32.dlm');
    expect(convert([v1, out]).status).toBe(0);
    expect(readModelHeader(readFileSync(out)).tensors[0].dtype).toBe('float32');
    expect(deserializeModel(readFileSync(out)).params.W[0]).toEqual(converted.params.W[0]);
  });

  it('refuses bad arguments with code 2 and a bad file with code 1, writing nothing', () => {
    const one = convert([v1]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('expected IN and OUT, got 1 paths');
    const npz = convert(['--float16', v1, join(dir, 'x.npz')]);
    expect(npz.status).toBe(2);
    expect(npz.stderr).toContain('.npz files hold float32 weights; float16 is for .dlm files');
    expect(convert(['--fp16', v1, join(dir, 'y.dlm')]).status).toBe(2);
    const bad = join(dir, 'bad.dlm');
    writeFileSync(bad, 'DLM\0garbage');
    const refused = convert([bad, join(dir, 'never.dlm')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^convert-model: .*bad\.dlm: the header claims/);
    expect(() => readFileSync(join(dir, 'never.dlm'))).toThrow();
  });
});
