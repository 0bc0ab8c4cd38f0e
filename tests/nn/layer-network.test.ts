// A layer-list network: dense-only lists are today's network; a whole CNN's gradients against finite differences.
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { evaluate } from '../../src/nn/evaluate';
import { typescriptKernels } from '../../src/nn/kernels';
import { denseLayers, type Layer } from '../../src/nn/layer';
import { parseLayerList } from '../../src/nn/layer-list';
import {
  cloneLayerParams,
  createLayerNetwork,
  fromNetworkParams,
  toNetworkParams,
} from '../../src/nn/layer-network';
import { evaluateLayers } from '../../src/nn/layer-evaluate';
import { layerBackward, layerForward } from '../../src/nn/layer-pass';
import { resolveLayers, type Shape } from '../../src/nn/layer-shapes';
import { LayerTrainer } from '../../src/nn/layer-trainer';
import { createLayerWorkspace } from '../../src/nn/layer-workspace';
import { createNetwork } from '../../src/nn/network';
import { SeededRandom } from '../../src/nn/random';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset } from '../../src/nn/types';
import { expectGradient } from './finite-differences';
import { referenceCnnLoss, referenceLogits } from './reference-cnn';

describe('createLayerNetwork', () => {
  it('gives a dense-only list exactly createNetwork’s weights, bit for bit', () => {
    for (const hidden of [[200, 100, 25], [], [30]]) {
      const ours = createLayerNetwork(denseLayers(hidden), 7);
      const today = createNetwork([784, ...hidden, 10], 7);
      expect(ours.W).toHaveLength(today.W.length);
      ours.W.forEach((w, i) =>
        expect(Buffer.from(w.buffer).equals(Buffer.from(today.W[i].buffer))).toBe(true),
      );
      ours.b.forEach((b, i) => expect(Array.from(b)).toEqual(Array.from(today.b[i])));
      const asDense = toNetworkParams(ours);
      expect(asDense?.layerSizes).toEqual(today.layerSizes);
      expect(asDense?.W).toBe(ours.W); // shared, not copied
      expect(fromNetworkParams(today).layers).toEqual(ours.layers);
    }
  });

  it('draws conv filters from N(0, sqrt(2 / (K·K·C_in))), shaped (F, C·K·K)', () => {
    const params = createLayerNetwork(parseLayerList('conv 8@5x5, pool 2, conv 64@5x5, dense 100'), 3);
    expect(params.W.map((w) => w.length)).toEqual([8 * 25, 64 * 8 * 25, 100 * 64 * 14 * 14, 10 * 100]);
    const w = params.W[1];
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(Math.abs(std / Math.sqrt(2 / 200) - 1)).toBeLessThan(0.05);
    expect(toNetworkParams(params)).toBeNull();
  });
});

/** Random weights and non-zero biases for `layers` on `shape`, `rows` inputs with some zeros, labels. */
function smallProblem(layers: Layer[], shape: Shape, rows: number, seed: number) {
  const params = createLayerNetwork(layers, seed, shape);
  const random = new SeededRandom(seed + 100);
  for (const bias of params.b)
    for (let i = 0; i < bias.length; i++) bias[i] = (random.nextFloat() - 0.5) * 0.2;
  const size = shape.channels * shape.height * shape.width;
  const inputs = Float32Array.from({ length: rows * size }, () =>
    random.nextFloat() < 0.4 ? 0 : random.nextFloat(),
  );
  const labels = Uint8Array.from({ length: rows }, () => random.nextInt(10));
  return { params, inputs, labels };
}

describe('layerForward and layerBackward', () => {
  it.each([
    'conv 2@3x3, pool 2, conv 3@3x3, pool 2, dense 5',
    'conv 3@3x3 valid, pool 3, conv 2@2x2 valid, dense 4',
    'pool 2, conv 2@3x3, dense 4',
    '',
  ])('give every gradient of a small network end to end (%s): finite differences in float64', (text) => {
    const shape = { channels: 1, height: 11, width: 11 };
    const layers = parseLayerList(text, shape);
    const rows = 3;
    const { params, inputs, labels } = smallProblem(layers, shape, rows, 4);
    const ws = createLayerWorkspace(resolveLayers(layers, shape), rows);
    ws.input.set(inputs);
    layerForward(params, ws, rows, typescriptKernels);
    layerBackward(params, ws, labels, null, 0, rows, typescriptKernels);

    const W = params.W.map((w) => Float64Array.from(w));
    const b = params.b.map((v) => Float64Array.from(v));
    const x = Float64Array.from(inputs);
    const loss = () => referenceCnnLoss(layers, W, b, x, shape, labels, rows);
    const probabilities = ws.outputs[ws.outputs.length - 1];
    const p0 = probabilities.subarray(0, 10).reduce((s, v) => s + v, 0);
    expect(p0).toBeCloseTo(1, 5);
    let checked = 0;
    W.forEach((w, i) => {
      expectGradient(`dW${i}`, w, ws.dW[i], loss);
      expectGradient(`db${i}`, b[i], ws.db[i], loss);
      checked += w.length + b[i].length;
    });
    expect(checked).toBe(resolveLayers(layers, shape).parameterCount);
  });
});

const mnist = loadMnistFromDisk('train');
const digits: Dataset = {
  ...mnist,
  count: 300,
  images: mnist.images.subarray(0, 300 * 784),
  labels: mnist.labels.subarray(0, 300),
};

describe('LayerTrainer', () => {
  it('trains a dense-only list as the dense Trainer does (same shuffle, same numbers to float32 rounding)', () => {
    const config = { ...REFERENCE_CONFIG, hiddenSizes: [32, 16], batchSize: 64, seed: 5 };
    const dense = createNetwork([784, 32, 16, 10], 5);
    const layered = fromNetworkParams(createNetwork([784, 32, 16, 10], 5));
    const trainer = new Trainer(dense, config, digits);
    const layerTrainer = new LayerTrainer(layered, config, digits);
    for (let i = 0; i < 8; i++) {
      const a = trainer.step();
      const b = layerTrainer.step();
      expect(b.loss).toBeCloseTo(a.loss, 5);
      expect(b.accuracy).toBe(a.accuracy);
    }
    let worst = 0;
    dense.W.forEach((w, l) => w.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - layered.W[l][i])))));
    expect(worst).toBeLessThan(1e-5);
  });

  it('lowers a small CNN’s loss on real digits', () => {
    const params = createLayerNetwork(parseLayerList('conv 4@5x5, pool 2, conv 8@3x3, pool 2, dense 32'), 2);
    const before = cloneLayerParams(params);
    const trainer = new LayerTrainer(
      params,
      { ...REFERENCE_CONFIG, batchSize: 50, learningRate: 0.1 },
      digits,
    );
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) losses.push(trainer.step().loss);
    expect(trainer.epoch).toBe(5);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(losses.slice(-6))).toBeLessThan(mean(losses.slice(0, 6)) * 0.7);
    expect(params.W[0]).not.toEqual(before.W[0]);
  });

  it('refuses weights that do not fit the layer list', () => {
    const params = createLayerNetwork(parseLayerList('conv 4@5x5, dense 32'), 2);
    const wrong = { ...params, layers: parseLayerList('conv 4@3x3, dense 32') };
    expect(() => new LayerTrainer(wrong, REFERENCE_CONFIG, digits)).toThrow(/shapes the layer list gives/);
  });
});

describe('evaluateLayers', () => {
  it('judges a dense-only network as evaluate() does', () => {
    const dense = createNetwork([784, 40, 10], 3);
    const ours = evaluateLayers(fromNetworkParams(dense), digits);
    const today = evaluate(dense, digits);
    expect(Array.from(ours.predictions)).toEqual(Array.from(today.predictions));
    expect(Array.from(ours.confusion)).toEqual(Array.from(today.confusion));
    expect(ours.accuracy).toBe(today.accuracy);
    expect(ours.loss).toBeCloseTo(today.loss, 5);
  });

  it('judges a CNN sample by sample as the float64 reference does, on the first `limit` digits', () => {
    const layers = parseLayerList('conv 2@3x3, pool 2, dense 8');
    const params = createLayerNetwork(layers, 6);
    const result = evaluateLayers(params, digits, 20);
    expect(result.predictions).toHaveLength(20);
    const W = params.W.map((w) => Float64Array.from(w));
    const b = params.b.map((v) => Float64Array.from(v));
    const shape = { channels: 1, height: 28, width: 28 };
    let lossSum = 0;
    for (let n = 0; n < 20; n++) {
      const x = Float64Array.from(digits.images.subarray(n * 784, (n + 1) * 784), (v) => v / 255);
      lossSum += referenceCnnLoss(layers, W, b, x, shape, [digits.labels[n]], 1);
      const logits = Array.from(referenceLogits(layers, W, b, { data: x, shape }));
      expect(result.predictions[n]).toBe(logits.indexOf(Math.max(...logits)));
    }
    expect(result.loss).toBeCloseTo(lossSum / 20, 4);
  });
});
