// Saved models as the Models place shows them: the list, which one is open, what is compared, and what went wrong.
import type { StateCreator } from 'zustand';
import type { ComparisonFile } from './compared-model';
import type { SavedModelStatus, SavedModelSummary } from '../storage/digit-lab-db';
import type { AppState } from './store';

export type { SavedModelStatus, SavedModelSummary };

/** loading: opening IndexedDB · ready · unavailable: no storage (private mode, quota), models live in memory only. */
export type ModelsStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

export interface ModelsSlice {
  readonly savedModels: readonly SavedModelSummary[];
  readonly modelsStatus: ModelsStatus;
  /** The saved model whose weights are in the live slot (opened, imported, or the run being checkpointed). */
  readonly openModelId: string | null;
  /** The last storage failure, in words a person can act on; the model in memory is never affected. */
  readonly storageError: string | null;
  /** Why the last imported file was refused (which array, expected, found); the current model stayed. */
  readonly modelFileError: string | null;
  /** A short confirmation ("Opened …", "Imported …"). */
  readonly modelsNotice: string | null;
  /** An open, import or delete is in flight. */
  readonly modelsBusy: boolean;
  /** Ticked for comparison, in the order ticked: saved models' ids and `shipped:<id>` for the app's own. */
  readonly comparedModelIds: readonly string[];
  /** Files read for the comparison (a shipped model's download, a saved model's curves), by their key. */
  readonly comparisonFiles: Readonly<Record<string, ComparisonFile>>;
  readonly toggleComparedModel: (id: string) => void;
  readonly dismissModelMessages: () => void;
}

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set) => ({
  savedModels: [],
  modelsStatus: 'idle',
  openModelId: null,
  storageError: null,
  modelFileError: null,
  modelsNotice: null,
  modelsBusy: false,
  comparedModelIds: [],
  comparisonFiles: {},
  toggleComparedModel: (id) =>
    set((s) => ({
      comparedModelIds: s.comparedModelIds.includes(id)
        ? s.comparedModelIds.filter((other) => other !== id)
        : [...s.comparedModelIds, id],
    })),
  dismissModelMessages: () => set({ storageError: null, modelFileError: null, modelsNotice: null }),
});
