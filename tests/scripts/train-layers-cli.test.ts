// `npm run train -- --layers …`: a CNN trained by the layer trainer (wasm too), read back and evaluated; bad lists refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { importModelFile } from '../../src/io/model-import';
import { evaluateModel } from '../../src/nn/evaluate-model';
import { parseLayerList } from '../../src/nn/layer-list';
import type { LayerNetworkParams } from '../../src/nn/layer-network';
import { deserializeModel } from '../../src/nn/model-file';
import { isDenseParams } from '../../src/nn/model-params';

function tsx(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
}

const LIST = 'conv 4@5x5, pool 2, dense 32';
const SMALL = ['--train-limit', '1500', '--test-limit', '500', '--epochs', '1', '--json'];

describe('train CLI with --layers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-train-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains a CNN on the wasm kernels, writes its list and weights, and evaluate reads it', () => {
    const out = join(dir, 'cnn.dlm');
    const run = tsx('train.ts', [
      '--layers',
      'CONV 4@5×5 , pool 2, dense 32',
      '--engine',
      'wasm',
      '--optimizer',
      'adam',
      '--lr',
      '0.003',
      '--batch',
      '32',
      ...SMALL,
      '--out',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const epoch = JSON.parse(run.stdout.trim()) as { testAccuracy: number };
    expect(epoch.testAccuracy).toBeGreaterThan(0.6);
    const model = deserializeModel(readFileSync(out));
    expect(model.name).toBe(`CNN ${LIST}`);
    expect(isDenseParams(model.params)).toBe(false);
    expect((model.params as LayerNetworkParams).layers).toEqual(parseLayerList(LIST));
    expect(model.config).toMatchObject({ layers: LIST, hiddenSizes: [], optimizer: 'adam', batchSize: 32 });
    expect(model.metrics.testAccuracy).toBe(epoch.testAccuracy);

    const evaluated = tsx('evaluate.ts', [out]);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const json = JSON.parse(evaluated.stdout) as Record<string, unknown>;
    const expected = evaluateModel(model.params, loadMnistFromDisk('test'));
    expect(json).toMatchObject({ layerSizes: null, architecture: LIST, testAccuracy: expected.accuracy });
    expect(expected.accuracy).toBeGreaterThan(0.6);
  });

  it('writes a CNN as .npz that imports with the same weights', () => {
    const out = join(dir, 'cnn.npz');
    const run = tsx('train.ts', [
      '--layers',
      'conv 2@3x3, pool 4',
      '--train-limit',
      '300',
      '--test-limit',
      '100',
      '--epochs',
      '1',
      '--json',
      '--out',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const model = importModelFile(readFileSync(out), out);
    expect((model.params as LayerNetworkParams).layers).toEqual(parseLayerList('conv 2@3x3, pool 4'));
    expect(model.params.W.map((w) => w.length)).toEqual([2 * 9, 10 * 2 * 7 * 7]);
  });

  it('trains a dense-only list exactly as --hidden does', () => {
    const weights = (args: string[]) => {
      const out = join(dir, `dense-${args[0]}.dlm`);
      const run = tsx('train.ts', [
        ...args,
        '--train-limit',
        '500',
        '--test-limit',
        '100',
        '--epochs',
        '1',
        '--json',
        '--out',
        out,
      ]);
      expect(run.status, run.stderr).toBe(0);
      return deserializeModel(readFileSync(out));
    };
    const listed = weights(['--layers', 'dense 20']);
    const hidden = weights(['--hidden', '20']);
    expect(isDenseParams(listed.params)).toBe(true);
    expect(listed.config).toEqual(hidden.config);
    listed.params.W.forEach((w, i) => expect(w).toEqual(hidden.params.W[i]));
  });

  it('refuses --hidden with --layers, and a list that cannot work with its reason, exit code 2', () => {
    const both = tsx('train.ts', ['--hidden', '20', '--layers', 'dense 20']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('give --hidden or --layers, not both');
    const even = tsx('train.ts', ['--layers', 'conv 8@4x4']);
    expect(even.status).toBe(2);
    expect(even.stderr).toContain(
      "--layers: conv 8@4x4: 'same' padding needs an odd filter size (4 is even); use an odd size or add 'valid'",
    );
    const order = tsx('train.ts', ['--layers', 'dense 100, pool 2']);
    expect(order.status).toBe(2);
    expect(order.stderr).toContain('pool 2 comes after dense 100');
  });
});
