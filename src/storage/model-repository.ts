// Saved models in IndexedDB: save (also as a run's checkpoint), list, load, rename, delete, and the last-open model.
import {
  deserializeModel,
  headerParameterCount,
  readModelHeader,
  serializeModel,
  type ModelFile,
} from '../nn/model-file';
import { ModelFormatError } from '../nn/model-format-error';
import { formatLayerList } from '../nn/layer';
import {
  openDigitLabDatabase,
  type DigitLabDatabase,
  type SavedModelStatus,
  type SavedModelSummary,
  type StoredMetricHistory,
} from './digit-lab-db';
import { StorageError, toStorageError } from './storage-error';

const LAST_OPEN_KEY = 'lastOpenModelId';

export interface SaveOptions {
  readonly status: SavedModelStatus;
  /** Null keeps the history already stored (or none). */
  readonly history?: StoredMetricHistory | null;
}

export interface SaveBytesOptions extends SaveOptions {
  /** The name the list shows (the file's own name is kept inside the bytes, as it came). */
  readonly name: string;
}

export interface LoadedModel {
  readonly summary: SavedModelSummary;
  readonly model: ModelFile;
  /** The .dlm bytes, ready to hand to the training worker. */
  readonly bytes: Uint8Array;
  readonly history: StoredMetricHistory | null;
}

export function newModelId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export class ModelRepository {
  private constructor(private readonly db: DigitLabDatabase) {}

  static async open(name?: string): Promise<ModelRepository> {
    return new ModelRepository(await openDigitLabDatabase(name));
  }

  close(): void {
    this.db.close();
  }

  /** Newest first. */
  async list(): Promise<SavedModelSummary[]> {
    try {
      const all = await this.db.getAll('summaries');
      return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    } catch (error) {
      throw toStorageError(error, 'list saved models');
    }
  }

  /** Writes summary, weights and history in one transaction: a failure leaves the previous save whole. */
  async save(
    id: string,
    model: ModelFile,
    options: SaveOptions,
    now: Date = new Date(),
  ): Promise<SavedModelSummary> {
    return this.saveBytes(id, serializeModel(model), { ...options, name: model.name }, now);
  }

  /**
   * Saves .dlm bytes as they are (a checkpoint straight from the worker): only the header is read, for the
   * summary, so the main thread never decodes and re-encodes the weights. load() still checks every weight.
   */
  async saveBytes(
    id: string,
    bytes: Uint8Array,
    options: SaveBytesOptions,
    now: Date = new Date(),
  ): Promise<SavedModelSummary> {
    const header = readModelHeader(bytes);
    try {
      const tx = this.db.transaction(['summaries', 'weights', 'histories'], 'readwrite');
      const previous = await tx.objectStore('summaries').get(id);
      const summary: SavedModelSummary = {
        id,
        name: options.name,
        createdAt: previous?.createdAt ?? header.createdAt,
        updatedAt: now.toISOString(),
        layerSizes: header.layerSizes ?? [],
        ...(header.layerSizes === null ? { architecture: formatLayerList(header.layers) } : {}),
        parameterCount: headerParameterCount(header),
        config: header.config,
        testAccuracy: finiteOrNull(header.metrics.testAccuracy),
        epochs: finiteOrNull(header.metrics.epochs),
        status: options.status,
        byteLength: bytes.byteLength,
      };
      const writes: Promise<unknown>[] = [
        tx.objectStore('summaries').put(summary),
        tx.objectStore('weights').put(bytes, id),
      ];
      if (options.history) writes.push(tx.objectStore('histories').put(options.history, id));
      await Promise.all([...writes, tx.done]);
      return summary;
    } catch (error) {
      throw toStorageError(error, `save "${options.name}"`);
    }
  }

  async load(id: string): Promise<LoadedModel> {
    let summary: SavedModelSummary | undefined;
    let bytes: Uint8Array | undefined;
    let history: StoredMetricHistory | undefined;
    try {
      const tx = this.db.transaction(['summaries', 'weights', 'histories'], 'readonly');
      [summary, bytes, history] = await Promise.all([
        tx.objectStore('summaries').get(id),
        tx.objectStore('weights').get(id),
        tx.objectStore('histories').get(id),
        tx.done,
      ]);
    } catch (error) {
      throw toStorageError(error, 'open the saved model');
    }
    if (!summary || !bytes) {
      throw new StorageError(
        'not-found',
        'That saved model no longer exists (it may have been deleted in another tab).',
      );
    }
    try {
      const model = deserializeModel(bytes);
      // The curves stored beside the file are the page's (finer while a run trains); the file's own come next.
      return {
        summary,
        model: { ...model, name: summary.name },
        bytes,
        history: history ?? model.history ?? null,
      };
    } catch (error) {
      if (!(error instanceof ModelFormatError)) throw error;
      throw new StorageError(
        'corrupt',
        `The saved copy of "${summary.name}" is damaged (${error.message}); delete it.`,
        {
          cause: error,
        },
      );
    }
  }

  async rename(id: string, name: string): Promise<SavedModelSummary> {
    const trimmed = name.trim();
    if (trimmed === '')
      throw new StorageError('failed', 'A model needs a name: type at least one character.');
    try {
      const tx = this.db.transaction('summaries', 'readwrite');
      const summary = await tx.store.get(id);
      if (!summary) throw new StorageError('not-found', 'That saved model no longer exists.');
      const renamed = { ...summary, name: trimmed };
      await Promise.all([tx.store.put(renamed), tx.done]);
      return renamed;
    } catch (error) {
      throw toStorageError(error, `rename the model to "${trimmed}"`);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      const tx = this.db.transaction(['summaries', 'weights', 'histories', 'settings'], 'readwrite');
      const lastOpen = await tx.objectStore('settings').get(LAST_OPEN_KEY);
      await Promise.all([
        tx.objectStore('summaries').delete(id),
        tx.objectStore('weights').delete(id),
        tx.objectStore('histories').delete(id),
        lastOpen === id ? tx.objectStore('settings').delete(LAST_OPEN_KEY) : undefined,
        tx.done,
      ]);
    } catch (error) {
      throw toStorageError(error, 'delete the model');
    }
  }

  async getLastOpenId(): Promise<string | null> {
    try {
      return (await this.db.get('settings', LAST_OPEN_KEY)) ?? null;
    } catch (error) {
      throw toStorageError(error, 'find the last open model');
    }
  }

  async setLastOpenId(id: string | null): Promise<void> {
    try {
      if (id === null) await this.db.delete('settings', LAST_OPEN_KEY);
      else await this.db.put('settings', id, LAST_OPEN_KEY);
    } catch (error) {
      throw toStorageError(error, 'remember the open model');
    }
  }
}
