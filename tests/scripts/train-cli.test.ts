// `npm run train` end to end on a real MNIST subset: one JSON line per epoch and a readable model file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrainOptions } from '../../scripts/cli-options';
import { DEFAULT_AUGMENTATION } from '../../src/nn/augmentation';
import { modelShapeText } from '../../src/nn/model-params';
import { deserializeModel, readModelHeader } from '../../src/nn/model-file';

function train(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train.ts', ...args], { encoding: 'utf8' });
}

describe('train CLI', () => {
  it('trains on a subset, prints one JSON object per epoch and writes a .dlm model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-lab-train-'));
    try {
      const out = join(dir, 'nested', 'small.dlm');
      const run = train([
        '--train-limit',
        '2000',
        '--test-limit',
        '1000',
        '--epochs',
        '1',
        '--json',
        '--out',
        out,
      ]);
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const epoch = JSON.parse(lines[0]);
      expect(Object.keys(epoch).sort()).toEqual(
        [
          'epoch',
          'samplesPerSecond',
          'seconds',
          'testAccuracy',
          'testLoss',
          'trainAccuracy',
          'trainLoss',
        ].sort(),
      );
      expect(epoch.epoch).toBe(1);
      expect(epoch.testAccuracy).toBeGreaterThan(0.5);
      expect(epoch.trainLoss).toBeGreaterThan(0);
      const model = deserializeModel(readFileSync(out));
      expect(modelShapeText(model.params)).toBe('784-200-100-25-10');
      expect(model.config?.optimizer).toBe('reference-momentum');
      expect(model.metrics.testAccuracy).toBe(epoch.testAccuracy);
      expect(model.metrics.epochs).toBe(1);
      // The file keeps the run's curves: one training and one test point per epoch, and the epoch's seconds.
      expect(model.history).toEqual({
        train: [{ samplesSeen: 2000, loss: epoch.trainLoss, accuracy: epoch.trainAccuracy }],
        test: [{ samplesSeen: 2000, loss: epoch.testLoss, accuracy: epoch.testAccuracy, sampleCount: 1000 }],
        epochSeconds: [epoch.seconds],
      });
      expect(readModelHeader(readFileSync(out)).tensors.every((t) => t.dtype === 'float32')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('trains with the WebAssembly kernels and a decaying learning rate, keeps the decay, and writes float16', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-lab-train-'));
    try {
      const out = join(dir, 'fast.dlm');
      const run = train(
        [
          '--engine',
          'wasm',
          '--optimizer',
          'adam',
          '--lr',
          '0.003',
          '--decay',
          '0.6',
          '--epochs',
          '2',
        ].concat(['--train-limit', '2000', '--test-limit', '1000', '--float16', '--out', out]),
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('WebAssembly SIMD kernels');
      expect(run.stdout).toContain('(x0.6/epoch)');
      const model = deserializeModel(readFileSync(out));
      expect(model.config?.learningRateDecay).toBe(0.6);
      expect(model.metrics.testAccuracy).toBeGreaterThan(0.8);
      expect(model.history?.epochSeconds).toHaveLength(2);
      const header = readModelHeader(readFileSync(out));
      expect(header.tensors.every((t) => t.dtype === 'float16')).toBe(true);
      expect(header.architecture).toBe('dense 200, dense 100, dense 25');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad option with a message naming it and exit code 2', () => {
    const run = train(['--hidden', '200,x', '--out', join(tmpdir(), 'never.dlm')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--hidden must be a comma-separated list of positive integers, got "x"');
    const unknown = train(['--learning-rate', '1']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--learning-rate'/);
    const engine = train(['--engine', 'gpu']);
    expect(engine.status).toBe(2);
    expect(engine.stderr).toContain('--engine must be one of typescript, wasm, got "gpu"');
    const decay = train(['--decay', '1.5']);
    expect(decay.stderr).toContain('--decay must be a number in (0, 1], got "1.5"');
    const format = train(['--out', 'model.onnx']);
    expect(format.stderr).toContain('--out must end in one of .dlm');
    const halves = train(['--float16', '--out', 'model.npz']);
    expect(halves.status).toBe(2);
    expect(halves.stderr).toContain('.npz files hold float32 weights; float16 is for .dlm files');
  });
});

describe('train CLI options for distortions', () => {
  it('turns the defaults on with --augment, and one setting on top of them with its flag', () => {
    expect(parseTrainOptions(['--augment'])?.config.augmentation).toEqual(DEFAULT_AUGMENTATION);
    expect(parseTrainOptions([])?.config.augmentation).toBeUndefined();
    const rotated = parseTrainOptions(['--rotate', '25', '--elastic', '34'])?.config.augmentation;
    expect(rotated).toEqual({
      ...DEFAULT_AUGMENTATION,
      affine: { ...DEFAULT_AUGMENTATION.affine, rotationDegrees: 25 },
      elastic: { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 },
    });
  });

  it('names the flag of a setting out of range or not a number', () => {
    expect(() => parseTrainOptions(['--stroke-p', '2'])).toThrow(
      /--stroke-p: augmentation strokeWidth probability must be between 0 and 1, got 2/,
    );
    expect(() => parseTrainOptions(['--augment', '--shear', 'lots'])).toThrow(/--shear must be a number/);
  });

  it('trains with --augment and keeps the settings in the model file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-lab-augment-'));
    try {
      const out = join(dir, 'augmented.dlm');
      const run = train(['--augment', '--train-limit', '1000', '--test-limit', '500', '--epochs', '1', '--hidden', '20', '--json', '--out', out]); // prettier-ignore
      expect(run.status, run.stderr).toBe(0);
      const model = deserializeModel(new Uint8Array(readFileSync(out)));
      expect(model.config?.augmentation).toEqual(DEFAULT_AUGMENTATION);
      expect(JSON.parse(run.stdout.trim().split('\n')[0]).testAccuracy).toBeGreaterThan(0.25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
