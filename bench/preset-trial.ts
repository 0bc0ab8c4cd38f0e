// Trains one config with the fastest Node kernels and prints one JSON line per epoch: the preset search's tool.
//   npx tsx bench/preset-trial.ts '{"optimizer":"adam","learningRate":0.001,"epochs":6}'
// The same Trainer and trainEpochs as `npm run train`, which runs the TypeScript kernels (5× slower, same losses).
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { createNetwork } from '../src/nn/network';
import { trainEpochs } from '../src/nn/train-epochs';
import { Trainer } from '../src/nn/trainer';
import { CLASS_COUNT, INPUT_SIZE, REFERENCE_CONFIG, type TrainingConfig } from '../src/nn/types';
import { chooseKernels } from '../src/wasm/choose-kernels';
import { loadWasmKernelsNode } from '../src/wasm/load-kernels-node';

const overrides = JSON.parse(process.argv[2] ?? '{}') as Partial<TrainingConfig>;
const config: TrainingConfig = { ...REFERENCE_CONFIG, ...overrides };
const { kernels } = await chooseKernels(loadWasmKernelsNode);
const params = createNetwork([INPUT_SIZE, ...config.hiddenSizes, CLASS_COUNT], config.seed);
const trainer = new Trainer(params, config, loadMnistFromDisk('train'), kernels);
trainEpochs(trainer, loadMnistFromDisk('test'), {
  onEpoch: (report) => console.log(JSON.stringify({ config: overrides, engine: kernels.name, ...report })),
});
