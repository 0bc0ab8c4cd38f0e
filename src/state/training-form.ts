// The training form's text fields to a TrainingConfig, with one message per field that is not usable.
import { DEFAULT_AUGMENTATION } from '../nn/augmentation';
import { formatAugmentation, parseAugmentation } from '../nn/augmentation-text';
import { formatLayerList, hiddenSizesOf } from '../nn/layer';
import { parseLayerList } from '../nn/layer-list';
import { LayerListError } from '../nn/layer-list-error';
import type { OptimizerName, TrainingConfig } from '../nn/types';
import { configErrors, type ConfigErrors } from '../worker/validate-config';

/** What the inputs hold: text as typed, so a half-typed number is kept and explained, not lost. */
export interface TrainingFormDraft {
  /** The layers: widths ("200, 100, 25") or a layer list ("conv 8@5x5, pool 2, dense 100"). */
  readonly hiddenSizes: string;
  readonly optimizer: OptimizerName;
  readonly learningRate: string;
  readonly beta1: string;
  readonly beta2: string;
  readonly batchSize: string;
  readonly epochs: string;
  readonly l2: string;
  /** Learning rate × this after each epoch; "1" = constant. */
  readonly learningRateDecay: string;
  readonly seed: string;
  /** Train on distorted digits. */
  readonly augment: boolean;
  /** The distortions' settings as text: "rotate 15, scale 0.15, …". */
  readonly augmentation: string;
}

export type FormField = keyof TrainingFormDraft;

export interface ParsedForm {
  /** null while any field has an error. */
  readonly config: TrainingConfig | null;
  readonly errors: Partial<Record<FormField, string>>;
}

export function draftOf(config: TrainingConfig): TrainingFormDraft {
  return {
    hiddenSizes:
      config.layers !== undefined && config.hiddenSizes.length === 0
        ? config.layers
        : config.hiddenSizes.join(', '),
    optimizer: config.optimizer,
    learningRate: String(config.learningRate),
    beta1: String(config.beta1),
    beta2: String(config.beta2),
    batchSize: String(config.batchSize),
    epochs: String(config.epochs),
    l2: String(config.l2),
    learningRateDecay: String(config.learningRateDecay ?? 1),
    seed: String(config.seed),
    augment: config.augmentation !== undefined,
    augmentation: formatAugmentation(config.augmentation ?? DEFAULT_AUGMENTATION),
  };
}

function parseNumber(text: string): number {
  // Number('') is 0, which would let an emptied field pass as a value.
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

interface ParsedLayers {
  readonly hiddenSizes: readonly number[];
  /** The canonical list when it has a conv or pool layer. */
  readonly layers?: string;
}

/** Widths as numbers (the dense network), or a layer list; a string is the message for the field. */
function parseLayers(text: string): ParsedLayers | string {
  if (text.trim() === '') return { hiddenSizes: [] };
  if (/^[\d\s,;.+-]+$/.test(text)) {
    const sizes = text
      .split(/[\s,;]+/)
      .filter((p) => p !== '')
      .map(parseNumber);
    if (!sizes.some((size) => Number.isNaN(size))) return { hiddenSizes: sizes };
    return 'Write the hidden layer widths as numbers, e.g. "200, 100, 25", or a layer list.';
  }
  try {
    const layers = parseLayerList(text);
    const dense = hiddenSizesOf(layers);
    return dense !== null ? { hiddenSizes: dense } : { hiddenSizes: [], layers: formatLayerList(layers) };
  } catch (error) {
    if (error instanceof LayerListError)
      return error.message.charAt(0).toUpperCase() + error.message.slice(1);
    throw error;
  }
}

/** `epsilon` is not a field (it keeps the config's value); a decay of 1 is left out of the config; `trainCount` bounds the batch size. */
export function parseTrainingForm(
  draft: TrainingFormDraft,
  base: TrainingConfig,
  trainCount: number,
): ParsedForm {
  const layers = parseLayers(draft.hiddenSizes);
  const decay = parseNumber(draft.learningRateDecay);
  const config: { -readonly [K in keyof TrainingConfig]: TrainingConfig[K] } = {
    hiddenSizes: typeof layers === 'string' ? [] : layers.hiddenSizes,
    ...(typeof layers !== 'string' && layers.layers !== undefined ? { layers: layers.layers } : {}),
    optimizer: draft.optimizer,
    learningRate: parseNumber(draft.learningRate),
    beta1: parseNumber(draft.beta1),
    beta2: parseNumber(draft.beta2),
    epsilon: base.epsilon,
    batchSize: parseNumber(draft.batchSize),
    epochs: parseNumber(draft.epochs),
    l2: parseNumber(draft.l2),
    seed: parseNumber(draft.seed),
    ...(decay === 1 ? {} : { learningRateDecay: decay }),
  };
  const augmentation = draft.augment ? parseAugmentation(draft.augmentation) : null;
  if (augmentation !== null && typeof augmentation !== 'string') config.augmentation = augmentation;
  const found: ConfigErrors = configErrors(config, trainCount);
  const errors: Partial<Record<FormField, string>> = {};
  for (const [field, message] of Object.entries(found) as [keyof TrainingConfig, string][]) {
    if (field === 'layers') errors.hiddenSizes = message;
    else if (field !== 'epsilon') errors[field] = message;
  }
  if (typeof layers === 'string') errors.hiddenSizes = layers;
  if (typeof augmentation === 'string')
    errors.augmentation = `${augmentation[0].toUpperCase()}${augmentation.slice(1)}.`;
  return { config: Object.keys(errors).length === 0 ? config : null, errors };
}
