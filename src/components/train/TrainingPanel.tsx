// The Train place's training card: settings, controls, progress, the live charts and earlier runs to compare.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainingConfig } from '../../nn/types';
import { useStore } from '../../state/store';
import {
  pauseTraining,
  resetTraining,
  resumeTraining,
  startTraining,
  stepTraining,
  stopTraining,
} from '../../state/training-actions';
import { controlsEnabled } from '../../state/training-controls';
import { draftOf, parseTrainingForm, type TrainingFormDraft } from '../../state/training-form';
import { presetById } from '../../state/training-presets';
import { formatCount } from '../ui/format';
import { RunComparison } from './RunComparison';
import { TrainingCharts } from './TrainingCharts';
import { TrainingControls } from './TrainingControls';
import { TrainingForm } from './TrainingForm';
import { StorageNotice } from './StorageNotice';
import { TrainingNotice } from './TrainingNotice';
import { TrainingProgressBar } from './TrainingProgressBar';
import { WorkerCountField } from './WorkerCountField';
import './train.css';

/** Until the training set has loaded, the batch size is checked against MNIST's known size. */
const MNIST_TRAIN_COUNT = 60_000;

export interface TrainingPanelProps {
  /** Fixed chart width for tests (jsdom has no layout). */
  readonly chartWidth?: number;
}

export function TestAccuracyText() {
  const { accuracy, sampleCount } = useStore(
    useShallow((s) => ({ accuracy: s.latestTestAccuracy, sampleCount: s.latestTestSampleCount })),
  );
  return (
    <p className="test-accuracy" data-testid="test-accuracy" aria-live="polite">
      {accuracy === null ? (
        'Test accuracy –'
      ) : (
        <>
          Test accuracy {(accuracy * 100).toFixed(1)}%
          <span className="test-accuracy__note"> on {formatCount(sampleCount)} test digits</span>
        </>
      )}
    </p>
  );
}

export function TrainingPanel({ chartWidth }: TrainingPanelProps) {
  const { status, busy, config, presetId, setConfig, trainCount } = useStore(
    useShallow((s) => ({
      status: s.trainingStatus,
      busy: s.trainingBusy,
      config: s.trainingConfig,
      presetId: s.trainingPresetId,
      setConfig: s.setTrainingConfig,
      trainCount: s.datasets.train.status === 'ready' ? s.datasets.train.count : MNIST_TRAIN_COUNT,
    })),
  );
  const [draft, setDraft] = useState<TrainingFormDraft>(() => draftOf(config));
  /** The config this form last wrote, to tell its own writes from others' (a shared link, a loaded model). */
  const written = useRef<TrainingConfig>(config);
  useEffect(() => {
    if (config !== written.current) {
      written.current = config;
      setDraft(draftOf(config));
    }
  }, [config]);
  const parsed = useMemo(() => parseTrainingForm(draft, config, trainCount), [draft, config, trainCount]);
  const enabled = controlsEnabled(status, busy, parsed.config !== null);

  const onChange = (next: TrainingFormDraft) => {
    setDraft(next);
    const result = parseTrainingForm(next, config, trainCount);
    if (result.config) {
      written.current = result.config;
      setConfig(result.config, null);
    }
  };
  const onPreset = (id: string) => {
    const preset = presetById(id);
    if (!preset) return;
    written.current = preset.config;
    setConfig(preset.config, preset.id);
    setDraft(draftOf(preset.config));
  };

  return (
    <section className="card training-panel" aria-labelledby="training-title" data-testid="training-panel">
      <h2 id="training-title" className="card__title">
        Train a network
      </h2>
      <p className="card__lead">
        Training runs in a background worker: the page stays responsive and the drawing pad reads your network
        as it learns.
      </p>
      <div className="training-panel__layout">
        <div className="training-panel__settings">
          <TrainingForm
            draft={draft}
            errors={parsed.errors}
            presetId={presetId}
            disabled={!enabled.editConfig}
            onChange={onChange}
            onPreset={onPreset}
          />
          {/* Outside the form: the count may change during a run, for the next one. */}
          <WorkerCountField />
          <TrainingControls
            enabled={enabled}
            onStart={() => void startTraining()}
            onPause={() => void pauseTraining()}
            onResume={() => void resumeTraining()}
            onStop={() => void stopTraining()}
            onStep={() => void stepTraining()}
            onReset={() => void resetTraining()}
          />
          <p className="training-status" data-testid="training-status">
            Status: {status}
          </p>
        </div>
        <div className="training-panel__results">
          <TrainingNotice />
          <StorageNotice />
          <TestAccuracyText />
          <TrainingProgressBar />
          <TrainingCharts width={chartWidth} />
          <RunComparison />
        </div>
      </div>
    </section>
  );
}
