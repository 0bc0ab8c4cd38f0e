// Interoperability with real NumPy: our .npz opens in numpy.load with equal predictions, and a NumPy-trained one opens here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { exportModelFile } from '../../src/io/model-export';
import { importModelFile } from '../../src/io/model-import';
import { evaluate } from '../../src/nn/evaluate';
import { evaluateLayers } from '../../src/nn/layer-evaluate';
import { parseLayerList } from '../../src/nn/layer-list';
import { createLayerNetwork } from '../../src/nn/layer-network';
import { LayerTrainer } from '../../src/nn/layer-trainer';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { dense, subset, testDigits, trainedNetwork } from './fixtures';

const TEST_COUNT = 1_000;
const scripts = join(import.meta.dirname, 'python');
const numpyCheck = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
  encoding: 'utf8',
});
const numpyVersion = numpyCheck.status === 0 ? numpyCheck.stdout.trim() : null;
if (!numpyVersion) {
  console.warn(
    `SKIPPED NumPy interoperability tests: python3 with numpy is not available (${numpyCheck.error?.message ?? numpyCheck.stderr.trim()})`,
  );
}

function python(script: string, args: string[]): Record<string, number[]> {
  // One BLAS thread: the machine is shared, and a thread pool per process only adds contention here.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const run = spawnSync('python3', [join(scripts, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env,
  });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, number[]>;
}

describe.skipIf(!numpyVersion)(`NumPy ${numpyVersion ?? '(missing)'} interoperability`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-npz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const test = testDigits(TEST_COUNT);
  const testPath = join(dir, 'test.u8');
  writeFileSync(testPath, test.images);

  it('numpy.load reads our export and its float32 forward pass predicts exactly what we predict', () => {
    const params = trainedNetwork();
    const file = exportModelFile(
      { name: 'interop', createdAt: '', params, config: null, metrics: {} },
      'npz',
    );
    const modelPath = join(dir, file.fileName);
    writeFileSync(modelPath, file.bytes);
    const numpy = python('predict_npz.py', [modelPath, testPath, String(TEST_COUNT)]);
    const ours = evaluate(params, test);
    expect(numpy.layer_sizes).toEqual([784, 64, 32, 10]);
    expect(numpy.predictions).toEqual(Array.from(ours.predictions));
    expect(ours.accuracy).toBeGreaterThan(0.85);
  });

  it('a NumPy-trained float64 (units, inputs) network imports and predicts as NumPy does', () => {
    const train = subset(loadMnistFromDisk('train'), 0, 10_000);
    writeFileSync(join(dir, 'train.u8'), train.images);
    writeFileSync(join(dir, 'train-labels.u8'), train.labels);
    const outPath = join(dir, 'numpy-trained.npz');
    const numpy = python('train_numpy.py', [
      join(dir, 'train.u8'),
      join(dir, 'train-labels.u8'),
      String(train.count),
      testPath,
      String(TEST_COUNT),
      outPath,
    ]);
    const model = importModelFile(readFileSync(outPath), 'numpy-trained.npz');
    expect(model.name).toBe('numpy-trained');
    expect(dense(model.params).layerSizes).toEqual([784, 64, 32, 10]);
    const ours = evaluate(dense(model.params), test);
    let compared = 0;
    for (let i = 0; i < TEST_COUNT; i++) {
      if (numpy.top_two_gap[i] < 1e-4) continue;
      compared++;
      expect(ours.predictions[i], `digit ${i}`).toBe(numpy.predictions[i]);
    }
    expect(compared).toBeGreaterThan(TEST_COUNT * 0.95);
    expect(ours.accuracy).toBeGreaterThan(0.8);
  });

  it('numpy.load reads an exported CNN (conv W as (F, C_in, K, K)) and NumPy alone gets the app’s test accuracy', () => {
    const list = 'conv 4@5x5, pool 2, conv 6@3x3 valid, pool 2, dense 24';
    const params = createLayerNetwork(parseLayerList(list), 11);
    const train = subset(loadMnistFromDisk('train'), 0, 4_000);
    const { hiddenSizes: _unused, ...base } = REFERENCE_CONFIG;
    const trainer = new LayerTrainer(
      params,
      { ...base, optimizer: 'adam', learningRate: 0.003, batchSize: 32, seed: 11 },
      train,
    );
    for (let step = 0; step < 100; step++) trainer.step();
    const file = exportModelFile({ name: 'cnn', createdAt: '', params, config: null, metrics: {} }, 'npz');
    const modelPath = join(dir, file.fileName);
    writeFileSync(modelPath, file.bytes);
    const labelsPath = join(dir, 'test-labels.u8');
    writeFileSync(labelsPath, test.labels);
    const numpy = python('predict_cnn_npz.py', [modelPath, testPath, labelsPath, String(TEST_COUNT)]);
    const ours = evaluateLayers(params, test);
    expect(String(numpy.architecture)).toBe(list);
    expect(ours.accuracy).toBeGreaterThan(0.6);
    // float32 sums in another order may swap a near tie; every clear prediction must agree.
    let ties = 0;
    for (let i = 0; i < TEST_COUNT; i++) {
      if (numpy.top_two_gap[i] < 1e-4) ties++;
      else expect(ours.predictions[i], `digit ${i}`).toBe(numpy.predictions[i]);
    }
    expect(Math.abs(Number(numpy.accuracy) - ours.accuracy)).toBeLessThanOrEqual(ties / TEST_COUNT);
    expect(ties).toBeLessThan(5);
  });
});
