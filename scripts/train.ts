// `npm run train`: trains a network on the real MNIST files with the engine, one line per epoch, then saves it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { createNetwork } from '../src/nn/network';
import { typescriptKernels, type Kernels } from '../src/nn/kernels';
import { Trainer } from '../src/nn/trainer';
import { createLayerNetwork } from '../src/nn/layer-network';
import { LayerTrainer } from '../src/nn/layer-trainer';
import { modelShapeText } from '../src/nn/model-params';
import { trainEpochs } from '../src/nn/train-epochs';
import type { TensorDtype } from '../src/nn/model-file';
import type { ModelHistory } from '../src/nn/model-history';
import { CLASS_COUNT, INPUT_SIZE, type Dataset, type EpochReport } from '../src/nn/types';
import { CliUsageError, parseTrainOptions, TRAIN_USAGE } from './cli-options';
import { modelWriterFor } from './cli-model-writers';
import { clearProgress, drawProgress } from './cli-progress';
import { loadWasmKernelsNode } from '../src/wasm/load-kernels-node';

function firstSamples(data: Dataset, limit: number | undefined): Dataset {
  if (limit === undefined || limit >= data.count) return data;
  const pixels = data.rows * data.cols;
  return {
    ...data,
    count: limit,
    images: data.images.subarray(0, limit * pixels),
    labels: data.labels.subarray(0, limit),
  };
}

function formatEpoch(r: EpochReport, epochs: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  return (
    `epoch ${String(r.epoch).padStart(2)}/${epochs}  train loss ${r.trainLoss.toFixed(4)}  train acc ${pct(r.trainAccuracy)}` +
    `  test loss ${r.testLoss.toFixed(4)}  test acc ${pct(r.testAccuracy)}  ${r.seconds.toFixed(1)} s  ${Math.round(r.samplesPerSecond)} samples/s`
  );
}

const dtypeOf = (float16: boolean): TensorDtype => (float16 ? 'float16' : 'float32');

/** The run's curves as the model file keeps them: one training and one test point per epoch, and its seconds. */
function historyOf(reports: readonly EpochReport[], trainCount: number, testCount: number): ModelHistory {
  return {
    train: reports.map((r) => ({
      samplesSeen: r.epoch * trainCount,
      loss: r.trainLoss,
      accuracy: r.trainAccuracy,
    })),
    test: reports.map((r) => ({
      samplesSeen: r.epoch * trainCount,
      loss: r.testLoss,
      accuracy: r.testAccuracy,
      sampleCount: testCount,
    })),
    epochSeconds: reports.map((r) => r.seconds),
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseTrainOptions(process.argv.slice(2));
    if (options === null) {
      console.log(TRAIN_USAGE);
      return 0;
    }
    modelWriterFor(options.out, dtypeOf(options.float16));
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`train: ${error.message}\n\n${TRAIN_USAGE}`);
      return 2;
    }
    throw error;
  }
  const { config, json } = options;
  const train = firstSamples(loadMnistFromDisk('train'), options.trainLimit);
  const test = firstSamples(loadMnistFromDisk('test'), options.testLimit);
  const kernels: Kernels = options.engine === 'wasm' ? await loadWasmKernelsNode() : typescriptKernels;
  // Dense networks keep their own trainer (the shipped model is reproduced on it bit for bit).
  const trainer =
    options.layers === null
      ? new Trainer(
          createNetwork([INPUT_SIZE, ...config.hiddenSizes, CLASS_COUNT], config.seed),
          config,
          train,
          kernels,
        )
      : new LayerTrainer(createLayerNetwork(options.layers, config.seed), config, train, kernels);
  const params = trainer.params;
  const showBar = !json && process.stderr.isTTY === true;
  if (!json) {
    console.log(
      `training ${modelShapeText(params)} on ${train.count} images, testing on ${test.count}: ` +
        `${config.optimizer} lr ${config.learningRate}${config.learningRateDecay ? ` (x${config.learningRateDecay}/epoch)` : ''} beta1 ${config.beta1} batch ${config.batchSize}, ${config.epochs} epochs, seed ${config.seed}, ${kernels.name} kernels`,
    );
  }
  const reports = trainEpochs(trainer, test, {
    onStep: (step) => {
      if (showBar && (step.batch % 10 === 0 || step.batch + 1 === step.batchesPerEpoch)) {
        drawProgress(
          process.stderr,
          step.epoch + 1,
          config.epochs,
          step.batch + 1,
          step.batchesPerEpoch,
          step.loss,
        );
      }
    },
    onEpoch: (report) => {
      if (showBar) clearProgress(process.stderr);
      console.log(json ? JSON.stringify(report) : formatEpoch(report, config.epochs));
    },
  });
  const last = reports[reports.length - 1];
  const bytes = modelWriterFor(
    options.out,
    dtypeOf(options.float16),
  )({
    name: options.name,
    createdAt: new Date().toISOString(),
    params,
    config,
    metrics: {
      testAccuracy: last.testAccuracy,
      testLoss: last.testLoss,
      epochs: reports.length,
      trainImages: train.count,
      testImages: test.count,
    },
    history: historyOf(reports, train.count, test.count),
  });
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  if (!json) console.log(`wrote ${options.out} (${bytes.length} bytes)`);
  return 0;
}

process.exitCode = await main();
