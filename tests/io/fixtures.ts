// Shared test fixtures for tests/io: real MNIST subsets and a briefly trained small network.
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { denseParamsOf, type ModelParams } from '../../src/nn/model-params';
import { Trainer } from '../../src/nn/trainer';
import { REFERENCE_CONFIG, type Dataset, type NetworkParams } from '../../src/nn/types';

export function subset(data: Dataset, start: number, count: number): Dataset {
  const pixels = data.rows * data.cols;
  return {
    images: data.images.subarray(start * pixels, (start + count) * pixels),
    labels: data.labels.subarray(start, start + count),
    count,
    rows: data.rows,
    cols: data.cols,
  };
}

let cachedTest: Dataset | null = null;
export function testDigits(count = 10_000): Dataset {
  cachedTest ??= loadMnistFromDisk('test');
  return subset(cachedTest, 0, Math.min(count, cachedTest.count));
}

/** A 784-64-32-10 network trained for 300 batches of 64 on the first 8,000 training digits (about a second). */
export function trainedNetwork(): NetworkParams {
  const train = subset(loadMnistFromDisk('train'), 0, 8_000);
  const config = { ...REFERENCE_CONFIG, hiddenSizes: [64, 32], batchSize: 64, learningRate: 0.1, seed: 7 };
  const params = createNetwork([784, 64, 32, 10], config.seed);
  const trainer = new Trainer(params, config, train);
  for (let step = 0; step < 300; step++) trainer.step();
  return params;
}

/** The dense form of imported params; a test that expects a dense network fails here on any other. */
export function dense(params: ModelParams): NetworkParams {
  const found = denseParamsOf(params);
  if (found === null) throw new Error('expected a dense network');
  return found;
}
