// Parses `npm run train` options into a training config, with a message naming the bad option when one is wrong.
import { parseArgs } from 'node:util';
import { formatLayerList, hiddenSizesOf, type Layer } from '../src/nn/layer';
import { parseLayerList } from '../src/nn/layer-list';
import { LayerListError } from '../src/nn/layer-list-error';
import type { Augmentation } from '../src/nn/augmentation';
import { AUGMENTATION_SETTINGS, augmentationWith } from '../src/nn/augmentation-text';
import { REFERENCE_CONFIG, type OptimizerName, type TrainingConfig } from '../src/nn/types';

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface TrainCliOptions {
  readonly config: TrainingConfig;
  /** The layers of a --layers list with conv or pool layers (config.layers says the same); null for dense. */
  readonly layers: Layer[] | null;
  readonly out: string;
  readonly name: string;
  readonly json: boolean;
  readonly trainLimit: number | undefined;
  readonly testLimit: number | undefined;
  readonly engine: CliEngine;
  /** Store the weights as float16 (.dlm only). */
  readonly float16: boolean;
}

/** typescript is the reference (the shipped model is reproducible bit for bit on it); wasm is about 5x faster. */
export type CliEngine = 'typescript' | 'wasm';
const ENGINES: readonly CliEngine[] = ['typescript', 'wasm'];

export const TRAIN_USAGE = `Usage: npm run train -- [options]

Trains a network on the real MNIST files and writes a model file. Defaults are the reference design.
  --hidden 200,100,25     hidden layer widths (input 784 and output 10 are implied)
  --layers "conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100"
                          the hidden layers as a list (conv F@KxK [valid], pool S, dense N; the output
                          dense 10 is implied); instead of --hidden
  --epochs 20             passes over the training set
  --batch 128             mini-batch size
  --lr 0.5                learning rate
  --optimizer reference-momentum   sgd | reference-momentum | momentum | adam
  --beta1 0.9             momentum coefficient, or Adam's beta1
  --beta2 0.999           Adam's beta2
  --l2 0                  L2 weight decay
  --decay 1               multiply the learning rate by this after every epoch (1 = constant)
  --seed 1                seed for the initial weights and the shuffle
  --train-limit N         train on the first N training images only
  --test-limit N          evaluate on the first N test images only
  --out model.dlm         where to write the model (.dlm, or .npz for NumPy)
  --float16               store the .dlm weights as float16 (half the size; the default is float32)
  --augment               train on distorted digits, drawn anew each epoch (the defaults below)
  --rotate 15 --scale 0.15 --shear 0.3 --shift 2 --affine-p 0.9
                          random affine map: ±degrees, 1 ± scale, ±shear, ±pixels, how often
  --elastic 0 --elastic-sigma 4 --elastic-p 0.5
                          elastic distortion: alpha (0 = off; Simard et al. use 34), Gaussian sigma in
                          pixels, how often
  --stroke 0.5 --stroke-p 0.3
                          thinner or thicker pen (blend up to ±strength), how often
                          (any of these turns augmentation on)
  --name NAME             the model's name inside the file
  --engine typescript     typescript (the reference kernels) | wasm (WebAssembly SIMD, ~5x faster)
  --json                  one JSON object per epoch on stdout, no progress bar
  --help                  this text`;

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'reference-momentum', 'momentum', 'adam'];

function number(
  option: string,
  text: string | undefined,
  fallback: number,
  check: (x: number) => boolean,
  what: string,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new CliUsageError(`--${option} must be ${what}, got "${text}"`);
  }
  return value;
}

const positiveInteger = (x: number) => Number.isInteger(x) && x >= 1;

/** { augmentation } when --augment or a setting's flag (its short name) was given, else nothing (plain digits). */
function augmentationOf(values: Record<string, unknown>): { augmentation?: Augmentation } {
  const given = AUGMENTATION_SETTINGS.filter((s) => values[s.name] !== undefined);
  if (!values.augment && given.length === 0) return {};
  const settings: Record<string, number> = {};
  for (const s of given) {
    settings[s.name] = number(s.name, values[s.name] as string, 0, Number.isFinite, 'a number');
  }
  const augmentation = augmentationWith(settings);
  if (typeof augmentation === 'string') throw new CliUsageError(`--${augmentation}`);
  return { augmentation };
}

/** Returns null when --help was asked for. */
export function parseTrainOptions(args: readonly string[]): TrainCliOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        hidden: { type: 'string' },
        layers: { type: 'string' },
        epochs: { type: 'string' },
        batch: { type: 'string' },
        lr: { type: 'string' },
        optimizer: { type: 'string' },
        beta1: { type: 'string' },
        beta2: { type: 'string' },
        l2: { type: 'string' },
        decay: { type: 'string' },
        engine: { type: 'string' },
        seed: { type: 'string' },
        'train-limit': { type: 'string' },
        'test-limit': { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
        float16: { type: 'boolean' },
        augment: { type: 'boolean' },
        ...Object.fromEntries(AUGMENTATION_SETTINGS.map((s) => [s.name, { type: 'string' as const }])),
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return null;
  const r = REFERENCE_CONFIG;
  let hiddenSizes = r.hiddenSizes;
  let layers: Layer[] | null = null;
  if (values.hidden !== undefined && values.layers !== undefined) {
    throw new CliUsageError(
      'give --hidden or --layers, not both: --layers "dense 200, dense 100" is --hidden 200,100',
    );
  }
  if (values.layers !== undefined) {
    let parsed: Layer[];
    try {
      parsed = parseLayerList(values.layers);
    } catch (error) {
      if (error instanceof LayerListError) throw new CliUsageError(`--layers: ${error.message}`);
      throw error;
    }
    // A dense-only list is today's dense network and trains on its fast path.
    const dense = hiddenSizesOf(parsed);
    if (dense !== null) hiddenSizes = dense;
    else layers = parsed;
  }
  if (values.hidden !== undefined) {
    const parts = values.hidden.split(',');
    hiddenSizes = parts.map((part) =>
      number('hidden', part, 0, positiveInteger, 'a comma-separated list of positive integers'),
    );
  }
  const optimizer = (values.optimizer ?? r.optimizer) as OptimizerName;
  if (!OPTIMIZERS.includes(optimizer)) {
    throw new CliUsageError(`--optimizer must be one of ${OPTIMIZERS.join(', ')}, got "${values.optimizer}"`);
  }
  const engine = (values.engine ?? 'typescript') as CliEngine;
  if (!ENGINES.includes(engine)) {
    throw new CliUsageError(`--engine must be one of ${ENGINES.join(', ')}, got "${values.engine}"`);
  }
  const unit = (x: number) => x >= 0 && x < 1;
  const decay =
    values.decay === undefined
      ? undefined
      : number('decay', values.decay, 1, (x) => x > 0 && x <= 1, 'a number in (0, 1]');
  const config: TrainingConfig = {
    hiddenSizes: layers === null ? hiddenSizes : [],
    ...(layers === null ? {} : { layers: formatLayerList(layers) }),
    optimizer,
    learningRate: number('lr', values.lr, r.learningRate, (x) => x > 0, 'a positive number'),
    beta1: number('beta1', values.beta1, r.beta1, unit, 'a number in [0, 1)'),
    beta2: number('beta2', values.beta2, r.beta2, unit, 'a number in [0, 1)'),
    epsilon: r.epsilon,
    batchSize: number('batch', values.batch, r.batchSize, positiveInteger, 'a positive integer'),
    epochs: number('epochs', values.epochs, r.epochs, positiveInteger, 'a positive integer'),
    l2: number('l2', values.l2, r.l2, (x) => x >= 0, 'a number ≥ 0'),
    seed: number(
      'seed',
      values.seed,
      r.seed,
      (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32,
      'an integer from 0 to 2^32−1',
    ),
    ...(decay === undefined || decay === 1 ? {} : { learningRateDecay: decay }),
    ...augmentationOf(values),
  };
  const limit = (option: 'train-limit' | 'test-limit') =>
    values[option] === undefined
      ? undefined
      : number(option, values[option], 0, positiveInteger, 'a positive integer');
  return {
    config,
    layers,
    out: values.out ?? 'model.dlm',
    name:
      values.name ??
      (layers === null ? `MLP ${[784, ...hiddenSizes, 10].join('-')}` : `CNN ${formatLayerList(layers)}`),
    json: values.json ?? false,
    trainLimit: limit('train-limit'),
    testLimit: limit('test-limit'),
    engine,
    float16: values.float16 ?? false,
  };
}
