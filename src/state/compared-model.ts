// A model as the comparison shows it, whether saved in this browser or shipped with the app, and its curves.
import { headerParameterCount, type ModelHeader, type ModelMetrics } from '../nn/model-file';
import type { HistoryPoint, ModelHistory } from '../nn/model-history';
import type { TrainingConfig } from '../nn/types';
import type { SavedModelSummary } from '../storage/digit-lab-db';
import type { ShippedModelId } from './shipped-models';

export type { HistoryPoint };

/** MNIST's training set: an epoch's samples when a file does not say how many images it trained on. */
export const MNIST_TRAIN_IMAGES = 60_000;

export interface ComparedModel {
  /** The saved model's id, or `shipped:<id>` for a model that comes with the app. */
  readonly id: string;
  readonly name: string;
  readonly source: 'saved' | 'shipped';
  /** `784-200-100-25-10` for a dense network, the layer list (`conv 8@5x5, pool 2, …`) otherwise. */
  readonly architecture: string;
  readonly parameterCount: number;
  readonly testAccuracy: number | null;
  readonly epochs: number | null;
  readonly config: TrainingConfig | null;
  /** ISO 8601 time of the last save; null for a shipped model. */
  readonly savedAt: string | null;
}

/** The per-epoch history of a compared model, with the samples one epoch holds (to draw it over epochs). */
export interface ComparedCurves {
  readonly history: ModelHistory | null;
  readonly epochSamples: number;
}

/** A file read for the comparison: a shipped model's download, or a saved model's curves from storage. */
export type ComparisonFile =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly model: ComparedModel; readonly curves: ComparedCurves }
  | { readonly status: 'failed'; readonly error: string };

export function shippedComparisonId(id: ShippedModelId): string {
  return `shipped:${id}`;
}

/** Where a saved model's curves are kept: a re-saved checkpoint has new curves, so its time is part of the key. */
export function savedCurvesKey(summary: Pick<SavedModelSummary, 'id' | 'updatedAt'>): string {
  return `saved:${summary.id}@${summary.updatedAt}`;
}

export function comparedModelOfSummary(summary: SavedModelSummary): ComparedModel {
  return {
    id: summary.id,
    name: summary.name,
    source: 'saved',
    architecture: summary.architecture ?? summary.layerSizes.join('-'),
    parameterCount: summary.parameterCount,
    testAccuracy: summary.testAccuracy,
    epochs: summary.epochs,
    config: summary.config,
    savedAt: summary.updatedAt,
  };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What a model file's header says, as a compared model (the weights need not be decoded for this). */
export function comparedModelOfHeader(
  header: ModelHeader,
  id: string,
  source: ComparedModel['source'],
): ComparedModel {
  return {
    id,
    name: header.name,
    source,
    architecture: header.layerSizes?.join('-') ?? header.architecture,
    parameterCount: headerParameterCount(header),
    testAccuracy: finiteOrNull(header.metrics.testAccuracy),
    epochs: finiteOrNull(header.metrics.epochs),
    config: header.config,
    savedAt: null,
  };
}

/** The images one epoch trained on: the file's own count when it has one, MNIST's otherwise. */
export function epochSamplesOf(metrics: ModelMetrics): number {
  const count = finiteOrNull(metrics.trainImages);
  return count !== null && count > 0 ? count : MNIST_TRAIN_IMAGES;
}

/** Mean seconds per completed epoch, or null when the history has no epoch times. */
export function meanEpochSeconds(history: ModelHistory | null): number | null {
  const seconds = history?.epochSeconds ?? [];
  if (seconds.length === 0) return null;
  return seconds.reduce((sum, s) => sum + s, 0) / seconds.length;
}
