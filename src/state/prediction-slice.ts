// What the network read from the latest drawing, and which model reads it.
import type { StateCreator } from 'zustand';
import type { ModelSlot } from '../worker/api';
import type { ModelChoice } from './model-choice';
import type { ShippedModelId } from './shipped-models';
import type { AppState } from './store';

export interface PredictionView {
  readonly probabilities: Float32Array;
  /** One per hidden layer, after ReLU. */
  readonly activations: Float32Array[];
  readonly logits: Float32Array;
  /** The 784 values that were fed to the network. */
  readonly input: Float32Array;
  /** The network that gave this answer. */
  readonly answeredBy: ModelChoice;
}

export type DefaultModelStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PredictionSlice {
  readonly prediction: PredictionView | null;
  readonly modelSlot: ModelSlot;
  /** The shipped network that the 'default' slot holds (or is loading). */
  readonly shippedModelId: ShippedModelId;
  /** Why the page reads with another network than the one chosen (it was unavailable), politely; null when none. */
  readonly modelNotice: string | null;
  /** True once the user trained (or stepped) a network in this session. */
  readonly liveModelAvailable: boolean;
  readonly defaultModelStatus: DefaultModelStatus;
  /** Why the last prediction or the default model failed, in words a person can act on. */
  readonly predictionError: string | null;
}

export const createPredictionSlice: StateCreator<AppState, [], [], PredictionSlice> = () => ({
  prediction: null,
  modelSlot: 'default',
  shippedModelId: 'reference',
  modelNotice: null,
  liveModelAvailable: false,
  defaultModelStatus: 'idle',
  predictionError: null,
});

/** The network chosen to read the drawing, as the picker names it. */
export function selectModelChoice(s: Pick<PredictionSlice, 'modelSlot' | 'shippedModelId'>): ModelChoice {
  return s.modelSlot === 'live' ? 'live' : s.shippedModelId;
}
