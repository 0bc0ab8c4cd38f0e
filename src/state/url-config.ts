// A training config (never weights) as the `#/train?…` link that reproduces the run: same layers, settings and seed.
import { DEFAULT_AUGMENTATION } from '../nn/augmentation';
import { formatAugmentation, parseAugmentation } from '../nn/augmentation-text';
import { formatLayerList, hiddenSizesOf } from '../nn/layer';
import { parseLayerList } from '../nn/layer-list';
import { LayerListError } from '../nn/layer-list-error';
import { REFERENCE_CONFIG, type OptimizerName, type TrainingConfig } from '../nn/types';

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'reference-momentum', 'momentum', 'adam'];

/** Short, readable keys in link order; `hidden` is the widths joined by "-" ("200-100-25"; empty = no hidden layer). */
const NUMBER_KEYS = {
  lr: 'learningRate',
  beta1: 'beta1',
  beta2: 'beta2',
  eps: 'epsilon',
  batch: 'batchSize',
  epochs: 'epochs',
  l2: 'l2',
  seed: 'seed',
} as const satisfies Record<string, keyof TrainingConfig>;

type NumberField = (typeof NUMBER_KEYS)[keyof typeof NUMBER_KEYS];
const INTEGER_FIELDS: ReadonlySet<NumberField> = new Set(['batchSize', 'epochs', 'seed']);

export interface ConfigFromUrl {
  readonly config: TrainingConfig;
  /** Whether the link carried any config at all (a bare `#/train` does not). */
  readonly fromLink: boolean;
  /** Values that could not be read, one sentence each; those fields keep the base value. */
  readonly problems: readonly string[];
}

/** `hidden=200-100-25&opt=reference-momentum&lr=0.5&…`; numbers as JavaScript prints them, which read back exactly. */
export function configToQuery(config: TrainingConfig): string {
  const params = new URLSearchParams();
  // A CNN's link carries its layer list; a dense network's keeps the `hidden` key links have always had.
  if (config.layers !== undefined && config.hiddenSizes.length === 0) params.set('layers', config.layers);
  else params.set('hidden', config.hiddenSizes.join('-'));
  params.set('opt', config.optimizer);
  for (const [key, field] of Object.entries(NUMBER_KEYS)) params.set(key, String(config[field]));
  // Only configs with a schedule carry it, so links made before it existed stay as they were.
  if (config.learningRateDecay !== undefined) params.set('decay', String(config.learningRateDecay));
  if (config.augmentation !== undefined) params.set('augment', formatAugmentation(config.augmentation));
  return params.toString();
}

/** The hash for a link to the Train place with this config, e.g. `#/train?hidden=200-100-25&…`. */
export function trainingConfigHash(config: TrainingConfig): string {
  return `#/train?${configToQuery(config)}`;
}

/** Reads the config out of a route's query parameters; unknown keys are ignored, bad values reported. */
export function configFromParams(
  params: Readonly<Record<string, string>>,
  base: TrainingConfig = REFERENCE_CONFIG,
): ConfigFromUrl {
  const problems: string[] = [];
  const config: { -readonly [K in keyof TrainingConfig]: TrainingConfig[K] } = {
    ...base,
    hiddenSizes: [...base.hiddenSizes],
  };
  let fromLink = false;
  const hidden = params.hidden;
  if (hidden !== undefined) {
    fromLink = true;
    const sizes = hidden === '' ? [] : hidden.split('-').map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
    if (sizes.every((s) => Number.isSafeInteger(s) && s > 0)) {
      config.hiddenSizes = sizes;
      delete config.layers;
    } else problems.push(`hidden: "${hidden}" should be layer widths joined by "-", like 200-100-25.`);
  }
  if (params.layers !== undefined) {
    fromLink = true;
    try {
      const layers = parseLayerList(params.layers);
      const dense = hiddenSizesOf(layers);
      config.hiddenSizes = dense ?? [];
      if (dense === null) config.layers = formatLayerList(layers);
      else delete config.layers;
    } catch (error) {
      if (!(error instanceof LayerListError)) throw error;
      problems.push(`layers: "${params.layers}" cannot be trained: ${error.message}.`);
    }
  }
  if (params.opt !== undefined) {
    fromLink = true;
    if (OPTIMIZERS.includes(params.opt as OptimizerName)) config.optimizer = params.opt as OptimizerName;
    else problems.push(`opt: "${params.opt}" is not one of ${OPTIMIZERS.join(', ')}.`);
  }
  for (const [key, field] of Object.entries(NUMBER_KEYS) as [string, NumberField][]) {
    const text = params[key];
    if (text === undefined) continue;
    fromLink = true;
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) problems.push(`${key}: "${text}" is not a number.`);
    else if (INTEGER_FIELDS.has(field) && !Number.isSafeInteger(value)) {
      problems.push(`${key}: "${text}" should be a whole number.`);
    } else config[field] = value;
  }
  if (params.decay !== undefined) {
    fromLink = true;
    const decay = params.decay.trim() === '' ? NaN : Number(params.decay);
    if (decay > 0 && decay <= 1) config.learningRateDecay = decay;
    else problems.push(`decay: "${params.decay}" should be a number above 0 and at most 1.`);
  }
  if (params.augment !== undefined) {
    fromLink = true;
    const text = params.augment.trim().toLowerCase();
    const augmentation =
      text === 'on' ? DEFAULT_AUGMENTATION : text === 'off' ? null : parseAugmentation(params.augment);
    if (augmentation === null) delete config.augmentation;
    else if (typeof augmentation === 'string') problems.push(`augment: ${augmentation}.`);
    else config.augmentation = augmentation;
  } else if (fromLink) {
    // A link without the key trains on the digits as they are, as every link made before distortions did.
    delete config.augmentation;
  }
  return { config, fromLink, problems };
}

/** Reads the config from a full hash such as `#/train?lr=0.1&seed=7`; other places' hashes carry none. */
export function configFromHash(hash: string, base: TrainingConfig = REFERENCE_CONFIG): ConfigFromUrl {
  const body = hash.replace(/^#\/?/, '');
  const queryStart = body.indexOf('?');
  const path = (queryStart === -1 ? body : body.slice(0, queryStart)).replace(/\/+$/, '');
  if (path !== 'train' || queryStart === -1) return { config: base, fromLink: false, problems: [] };
  return configFromParams(Object.fromEntries(new URLSearchParams(body.slice(queryStart + 1))), base);
}
