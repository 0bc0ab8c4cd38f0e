// What the Inspect place shows: the digit under inspection and its explanation, the weights, the test-set analysis.
import type { StateCreator } from 'zustand';
import type { DigitExplanation, HiddenLayerShape } from '../nn/explain';
import type { LayerInfo, ModelWeights, NetworkWeights, TestSetAnalysis } from '../worker/inspect-methods';
import type { AppState } from './store';

export type { DigitExplanation, HiddenLayerShape, LayerInfo, ModelWeights, NetworkWeights, TestSetAnalysis };

export type InspectSplit = 'train' | 'test';

/** Where the inspected digit came from: the draw pad's current digit, or one picked from a dataset. */
export type InspectSource =
  | { readonly kind: 'drawing' }
  | {
      readonly kind: 'dataset';
      readonly split: InspectSplit;
      readonly index: number;
      readonly label: number;
      /** 784 values in [0, 1]. */
      readonly input: Float32Array;
    };

export interface InspectedDigit {
  readonly source: InspectSource;
  /** 784 values in [0, 1]. */
  readonly input: Float32Array;
  readonly explanation: DigitExplanation;
}

export type SaliencyView = 'gradient' | 'input-x-gradient';
export type AnalysisStatus = 'idle' | 'running' | 'ready' | 'error';

export interface UnitRef {
  /** 0-based hidden layer. */
  readonly layer: number;
  /** The unit, or for a conv or pool layer the channel. */
  readonly unit: number;
}

export interface ConfusionCellRef {
  readonly trueLabel: number;
  readonly predicted: number;
}

/** One test digit shown in a gallery, with the probabilities the analysed model gave it. */
export interface GalleryDigit {
  readonly index: number;
  readonly image: Uint8Array;
  readonly label: number;
  readonly predicted: number;
  readonly probabilities: Float32Array;
}

export interface GalleryState {
  readonly cell: ConfusionCellRef;
  /** Every test digit in the cell, in gallery order. */
  readonly indices: readonly number[];
  /** The ones loaded so far (a prefix of `indices`). */
  readonly digits: readonly GalleryDigit[];
}

export interface BrowserDigit {
  readonly index: number;
  readonly image: Uint8Array;
  readonly label: number;
}

export interface DatasetBrowserState {
  readonly split: InspectSplit;
  readonly label: number | null;
  readonly page: number;
  /** Matching digits in the split; null until the split's labels arrived. */
  readonly total: number | null;
  readonly digits: readonly BrowserDigit[];
}

export interface InspectSlice {
  readonly inspectSource: InspectSource;
  readonly inspected: InspectedDigit | null;
  /** What went wrong inspecting, in words a person can act on. */
  readonly inspectError: string | null;
  /** The inspected model's layer list when it has conv or pool layers (its maps and filters are drawn then). */
  readonly inspectedConvLayers: string | null;
  /** Class the saliency map explains; null follows the predicted class. */
  readonly saliencyTarget: number | null;
  /** Label the live loss is computed for; null uses the digit's label if known, else the prediction. */
  readonly lossLabel: number | null;
  readonly saliencyView: SaliencyView;
  readonly selectedUnit: UnitRef | null;
  /** A dense model's weights, for the views of dense units; null for a CNN. */
  readonly weights: NetworkWeights | null;
  /** Any model's weights with its layers' shapes (the filters and feature-map views read these). */
  readonly modelWeights: ModelWeights | null;
  readonly analysis: TestSetAnalysis | null;
  readonly analysisStatus: AnalysisStatus;
  readonly analysisError: string | null;
  /** Which model the analysis describes, e.g. "default model", with when it was measured. */
  readonly analysisOf: string | null;
  readonly selectedCell: ConfusionCellRef | null;
  readonly gallery: GalleryState | null;
  readonly datasetBrowser: DatasetBrowserState;
}

// Actions live in inspect-actions.ts: module functions that call the worker and write here with setState.
export const createInspectSlice: StateCreator<AppState, [], [], InspectSlice> = () => ({
  inspectSource: { kind: 'drawing' },
  inspected: null,
  inspectError: null,
  inspectedConvLayers: null,
  saliencyTarget: null,
  lossLabel: null,
  saliencyView: 'gradient',
  selectedUnit: null,
  weights: null,
  modelWeights: null,
  analysis: null,
  analysisStatus: 'idle',
  analysisError: null,
  analysisOf: null,
  selectedCell: null,
  gallery: null,
  datasetBrowser: { split: 'test', label: null, page: 0, total: null, digits: [] },
});
