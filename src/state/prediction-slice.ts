// What the network read from the latest drawing, and which model reads it.
import type { StateCreator } from 'zustand';
import type { ModelSlot } from '../worker/api';
import type { AppState } from './store';

export interface PredictionView {
  readonly probabilities: Float32Array;
  /** One per hidden layer, after ReLU. */
  readonly activations: Float32Array[];
  readonly logits: Float32Array;
  /** The 784 values that were fed to the network. */
  readonly input: Float32Array;
}

export type DefaultModelStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PredictionSlice {
  readonly prediction: PredictionView | null;
  readonly modelSlot: ModelSlot;
  /** True once the user trained (or stepped) a network in this session. */
  readonly liveModelAvailable: boolean;
  readonly defaultModelStatus: DefaultModelStatus;
  /** Why the last prediction or the default model failed, in words a person can act on. */
  readonly predictionError: string | null;
  readonly setModelSlot: (slot: ModelSlot) => void;
}

export const createPredictionSlice: StateCreator<AppState, [], [], PredictionSlice> = (set) => ({
  prediction: null,
  modelSlot: 'default',
  liveModelAvailable: false,
  defaultModelStatus: 'idle',
  predictionError: null,
  setModelSlot: (slot) => set({ modelSlot: slot }),
});
