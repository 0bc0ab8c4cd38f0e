// The IndexedDB database's schema (saved models' summaries, weights, metric histories, settings) and opening it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryPoint, ModelHistory } from '../nn/model-history';
import type { TrainingConfig } from '../nn/types';
import { StorageError, toStorageError } from './storage-error';

export const DATABASE_NAME = 'digit-lab';
const DATABASE_VERSION = 1;

/** How a saved model came to be: a run checkpointed mid-way, a run that ended, or a file the user opened. */
export type SavedModelStatus = 'training' | 'finished' | 'stopped' | 'imported';

/** What the model list shows, kept apart from the weights so listing reads no weights. */
export interface SavedModelSummary {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The dense network's sizes; [] for a network with conv or pool layers, which has `architecture`. */
  readonly layerSizes: readonly number[];
  /** The layer list (`conv 8@5x5, pool 2, dense 100`) of a network with conv or pool layers. */
  readonly architecture?: string;
  /** Weights and biases. */
  readonly parameterCount: number;
  /** The settings it was trained with; null for an imported .npz. */
  readonly config: TrainingConfig | null;
  readonly testAccuracy: number | null;
  readonly epochs: number | null;
  readonly status: SavedModelStatus;
  /** Size of the stored .dlm file. */
  readonly byteLength: number;
}

/** One point of a training curve or a test evaluation, as the charts draw them (and model files keep them). */
export type StoredMetricPoint = HistoryPoint;

/** A model's curves; histories saved before epoch times were kept have no `epochSeconds`. */
export type StoredMetricHistory = Omit<ModelHistory, 'epochSeconds'> & {
  readonly epochSeconds?: readonly number[];
};

export interface DigitLabSchema extends DBSchema {
  summaries: { key: string; value: SavedModelSummary };
  /** Digit Lab model files (.dlm bytes): versioned and validated when read back. */
  weights: { key: string; value: Uint8Array };
  histories: { key: string; value: StoredMetricHistory };
  settings: { key: string; value: string };
}

export type DigitLabDatabase = IDBPDatabase<DigitLabSchema>;

export async function openDigitLabDatabase(name: string = DATABASE_NAME): Promise<DigitLabDatabase> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageError(
      'unavailable',
      'Could not open saved models: this browser has no IndexedDB (it may be turned off). The model in memory is not affected and can still be exported.',
    );
  }
  try {
    return await openDB<DigitLabSchema>(name, DATABASE_VERSION, {
      upgrade(db) {
        db.createObjectStore('summaries', { keyPath: 'id' });
        db.createObjectStore('weights');
        db.createObjectStore('histories');
        db.createObjectStore('settings');
      },
    });
  } catch (error) {
    throw toStorageError(error, 'open saved models');
  }
}
