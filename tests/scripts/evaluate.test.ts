// `npm run evaluate` on .dlm and .npz files (one JSON line, equal to in-process evaluation), bad files, and `train --out x.npz`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { exportModelFile } from '../../src/io/model-export';
import { importModelFile } from '../../src/io/model-import';
import { modelShapeText } from '../../src/nn/model-params';
import { evaluateModel } from '../../src/nn/evaluate-model';
import type { ModelFile } from '../../src/nn/model-file';
import { trainedNetwork } from '../io/fixtures';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [join('scripts', script), ...args], { encoding: 'utf8', maxBuffer: 16 << 20 });

describe('scripts/evaluate.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-evaluate-'));
  let model: ModelFile;
  beforeAll(() => {
    model = {
      name: 'cli',
      createdAt: '2026-11-25T00:00:00.000Z',
      params: trainedNetwork(),
      config: null,
      metrics: {},
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the same loss, accuracy and per-class accuracy for the .dlm and .npz of one model', () => {
    const expected = evaluateModel(model.params, loadMnistFromDisk('test'));
    for (const format of ['dlm', 'npz'] as const) {
      const path = join(dir, `model.${format}`);
      writeFileSync(path, exportModelFile(model, format).bytes);
      const result = run('evaluate.ts', [path]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const json = JSON.parse(lines[0]) as Record<string, unknown>;
      expect(json).toEqual({
        file: path,
        layerSizes: [784, 64, 32, 10],
        architecture: 'dense 64, dense 32',
        testLoss: expected.loss,
        testAccuracy: expected.accuracy,
        perClassAccuracy: Array.from(expected.perClassAccuracy),
      });
    }
  });

  it('exits non-zero with the precise message on a bad file', () => {
    const bytes = exportModelFile(model, 'npz').bytes.slice(0, 5000);
    const path = join(dir, 'cut.npz');
    writeFileSync(path, bytes);
    const cut = run('evaluate.ts', [path]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toBe('');
    expect(cut.stderr.trim()).toMatch(
      /^evaluate: .*cut\.npz: not a valid \.npz archive: the zip structure is broken/,
    );

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(run('evaluate.ts', [text]).stderr).toMatch(/this file starts with 68 65 6c 6c/);
    expect(run('evaluate.ts', [join(dir, 'missing.dlm')]).stderr).toMatch(
      /cannot read .*missing\.dlm: ENOENT/,
    );
    const usage = run('evaluate.ts', []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run evaluate -- FILE/);
  });

  it('`npm run train -- --out x.npz` writes an .npz that evaluate reads', () => {
    const out = join(dir, 'trained.npz');
    const train = run('train.ts', [
      '--hidden',
      '16',
      '--epochs',
      '1',
      '--train-limit',
      '2000',
      '--test-limit',
      '200',
      '--lr',
      '0.1',
      '--batch',
      '32',
      '--json',
      '--out',
      out,
    ]);
    expect(train.stderr).toBe('');
    expect(train.status).toBe(0);
    const imported = importModelFile(readFileSync(out), out);
    expect(modelShapeText(imported.params)).toBe('784-16-10');
    const evaluated = run('evaluate.ts', [out]);
    expect(evaluated.status).toBe(0);
    expect((JSON.parse(evaluated.stdout) as { testAccuracy: number }).testAccuracy).toBeGreaterThan(0.5);
  });
});
