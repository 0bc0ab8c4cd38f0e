// Saved models in IndexedDB (fake-indexeddb): save/list/load/rename/delete, checkpoints, last-open, and typed errors.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNetwork } from '../../src/nn/network';
import { serializeModel, type ModelFile } from '../../src/nn/model-file';
import { ModelFormatError } from '../../src/nn/model-format-error';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { ModelRepository } from '../../src/storage/model-repository';
import { openDigitLabDatabase } from '../../src/storage/digit-lab-db';
import { StorageError } from '../../src/storage/storage-error';

let dbCount = 0;
let repo: ModelRepository;
let dbName: string;

const model = (name: string, testAccuracy?: number): ModelFile => ({
  name,
  createdAt: '2026-11-25T10:00:00.000Z',
  params: createNetwork([784, 4, 10], 2),
  config: { ...REFERENCE_CONFIG, hiddenSizes: [4] },
  metrics: testAccuracy === undefined ? {} : { testAccuracy, epochs: 2 },
});
const history = {
  train: [{ samplesSeen: 128, loss: 2.1, accuracy: 0.2 }],
  test: [{ samplesSeen: 128, loss: 2, accuracy: 0.3, sampleCount: 1000 }],
};

beforeEach(async () => {
  dbName = `digit-lab-test-${++dbCount}`;
  repo = await ModelRepository.open(dbName);
});
afterEach(() => {
  repo.close();
  vi.restoreAllMocks();
});

describe('ModelRepository', () => {
  it('saves a model and loads back the same weights, config, metrics and history', async () => {
    const saved = model('First', 0.91);
    const summary = await repo.save(
      'a',
      saved,
      { status: 'finished', history },
      new Date('2026-11-25T11:00:00Z'),
    );
    expect(summary).toMatchObject({
      id: 'a',
      name: 'First',
      layerSizes: [784, 4, 10],
      testAccuracy: 0.91,
      epochs: 2,
      status: 'finished',
    });
    const loaded = await repo.load('a');
    expect(loaded.model.params.W[0]).toEqual(saved.params.W[0]);
    expect(loaded.model.config).toEqual(saved.config);
    expect(loaded.history).toEqual(history);
    expect(loaded.bytes.byteLength).toBe(summary.byteLength);
  });

  it('keeps a float16 file with its own history as it is, and gives that history when none is stored beside it', async () => {
    const fileHistory = { ...history, epochSeconds: [3.5] };
    const bytes = serializeModel({ ...model('Halves'), history: fileHistory }, { dtype: 'float16' });
    await repo.saveBytes('h', bytes, { name: 'Halves', status: 'imported' });
    const loaded = await repo.load('h');
    expect(loaded.bytes).toEqual(bytes);
    expect(loaded.model.history).toEqual(fileHistory);
    expect(loaded.history).toEqual(fileHistory);
    // The page's finer curves, stored beside the file, come first.
    await repo.saveBytes('h', bytes, { name: 'Halves', status: 'imported', history });
    expect((await repo.load('h')).history).toEqual(history);
  });

  it('checkpoints overwrite the same run, keep its creation date and its history unless given a new one', async () => {
    await repo.save(
      'run',
      model('Run', 0.5),
      { status: 'training', history },
      new Date('2026-11-25T11:00:00Z'),
    );
    const later = { ...model('Run', 0.8), createdAt: '2030-01-01T00:00:00.000Z' };
    const summary = await repo.save('run', later, { status: 'stopped' }, new Date('2026-11-25T11:05:00Z'));
    expect(summary).toMatchObject({
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T11:05:00.000Z',
      testAccuracy: 0.8,
      status: 'stopped',
    });
    expect(await repo.list()).toHaveLength(1);
    expect((await repo.load('run')).history).toEqual(history);
  });

  it('saves .dlm bytes as they are, its summary read from their header and named as asked', async () => {
    const saved = model('Inside the file', 0.93);
    const bytes = serializeModel(saved);
    const summary = await repo.saveBytes(
      'b',
      bytes,
      { name: 'Shown in the list', status: 'training', history },
      new Date('2026-11-25T11:00:00Z'),
    );
    expect(summary).toEqual({
      id: 'b',
      name: 'Shown in the list',
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T11:00:00.000Z',
      layerSizes: [784, 4, 10],
      parameterCount: 784 * 4 + 4 + 4 * 10 + 10,
      config: saved.config,
      testAccuracy: 0.93,
      epochs: 2,
      status: 'training',
      byteLength: bytes.byteLength,
    });
    expect(await repo.list()).toEqual([summary]);
    const loaded = await repo.load('b');
    expect(loaded.bytes).toEqual(bytes);
    expect(loaded.model.name).toBe('Shown in the list');
    expect(loaded.model.params.W[1]).toEqual(saved.params.W[1]);
    expect(loaded.history).toEqual(history);
  });

  it('refuses bytes that are not a whole Digit Lab model and stores nothing', async () => {
    const bytes = serializeModel(model('Cut short'));
    await expect(
      repo.saveBytes('c', bytes.subarray(0, bytes.length - 4), { name: 'Cut short', status: 'training' }),
    ).rejects.toThrow(ModelFormatError);
    await expect(
      repo.saveBytes('c', new TextEncoder().encode('not a model'), { name: 'Text', status: 'training' }),
    ).rejects.toThrow(/magic bytes/);
    expect(await repo.list()).toEqual([]);
  });

  it('lists newest first, renames, deletes, and forgets a deleted last-open model', async () => {
    await repo.save('old', model('Old'), { status: 'finished' }, new Date('2026-11-25T09:00:00Z'));
    await repo.save('new', model('New'), { status: 'imported' }, new Date('2026-11-25T12:00:00Z'));
    expect((await repo.list()).map((s) => s.id)).toEqual(['new', 'old']);
    await repo.rename('old', '  Renamed  ');
    expect((await repo.load('old')).model.name).toBe('Renamed');
    await expect(repo.rename('old', '   ')).rejects.toThrow(/needs a name/);
    await repo.setLastOpenId('new');
    expect(await repo.getLastOpenId()).toBe('new');
    await repo.delete('new');
    expect(await repo.getLastOpenId()).toBeNull();
    expect((await repo.list()).map((s) => s.name)).toEqual(['Renamed']);
    await expect(repo.load('new')).rejects.toMatchObject({ name: 'StorageError', kind: 'not-found' });
  });

  it('persists across reopening the database (a page reload)', async () => {
    await repo.save('keep', model('Kept', 0.7), { status: 'finished', history });
    await repo.setLastOpenId('keep');
    repo.close();
    repo = await ModelRepository.open(dbName);
    expect(await repo.getLastOpenId()).toBe('keep');
    expect((await repo.load('keep')).model.metrics.testAccuracy).toBe(0.7);
  });

  it('reports damaged stored bytes as corrupt', async () => {
    await repo.save('bad', model('Bad'), { status: 'finished' });
    const db = await openDigitLabDatabase(dbName);
    await db.put('weights', new Uint8Array([0x44, 0x4c, 0x4d, 0, 1, 0, 0, 0]), 'bad');
    db.close();
    await expect(repo.load('bad')).rejects.toThrow(/The saved copy of "Bad" is damaged \(the header claims/);
    await expect(repo.load('bad')).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('turns a full disk into a quota StorageError and keeps the previous save whole', async () => {
    await repo.save('run', model('Run', 0.5), { status: 'training', history });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = repo.save('run', model('Run', 0.9), { status: 'finished' });
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ kind: 'quota' });
    await expect(failure).rejects.toThrow(
      /storage is full\. Delete saved models .* The model in memory is not affected/,
    );
    vi.restoreAllMocks();
    expect((await repo.load('run')).summary).toMatchObject({ testAccuracy: 0.5, status: 'training' });
  });

  it('reports a browser without IndexedDB (private mode) as unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser where IndexedDB is switched off
    delete globalThis.indexedDB;
    try {
      await expect(ModelRepository.open('x')).rejects.toMatchObject({ kind: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    await expect(ModelRepository.open('y')).rejects.toThrow(/private browsing, storage turned off/);
  });
});
