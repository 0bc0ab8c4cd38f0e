// The app's one zustand store, built from slices; each slice lives in its own file next to its actions.
import { create } from 'zustand';
import { createAppUpdateSlice, type AppUpdateSlice } from './app-update-slice';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createInspectSlice, type InspectSlice } from './inspect-slice';
import { createMetricsSlice, type MetricsSlice } from './metrics-slice';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createPredictionSlice, type PredictionSlice } from './prediction-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

/** Every slice's state together; a new slice adds itself here and in the create call below. */
export type AppState = DatasetSlice &
  InspectSlice &
  SessionSlice &
  MetricsSlice &
  PredictionSlice &
  ModelsSlice &
  AppUpdateSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createDatasetSlice(...a),
  ...createInspectSlice(...a),
  ...createSessionSlice(...a),
  ...createMetricsSlice(...a),
  ...createPredictionSlice(...a),
  ...createModelsSlice(...a),
  ...createAppUpdateSlice(...a),
}));
