// Where the run is: epoch, batch, samples per second and time left, over a progress bar.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { formatCount, percentOf } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';

export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes >= 60
    ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
    : `${minutes}:${String(rest).padStart(2, '0')}`;
}

export function TrainingProgressBar() {
  const progress = useStore((s) => s.trainingProgress);
  const { samplesPerSecond, engine } = useStore(
    useShallow((s) => ({ samplesPerSecond: s.samplesPerSecond, engine: s.engine })),
  );
  if (!progress) return null;
  const epochShown = Math.min(progress.epoch + 1, progress.epochs);
  const batchShown = progress.epoch >= progress.epochs ? progress.batchesPerEpoch : progress.batch;
  const percent = percentOf(progress.samplesSeen, progress.totalSamples);
  const left = progress.secondsLeft === null ? '–' : formatDuration(progress.secondsLeft);
  const summary =
    `Epoch ${epochShown} of ${progress.epochs} · batch ${formatCount(batchShown)} of ${formatCount(progress.batchesPerEpoch)} · ` +
    `${formatCount(Math.round(samplesPerSecond))} samples/s · ${left} left`;
  return (
    <div className="training-progress" data-testid="training-progress">
      <ProgressBar percent={percent} label="Training progress" valueText={summary} />
      <p className="training-progress__text">
        <span>{summary}</span>
        {engine && (
          <span className="training-progress__engine">
            {engine.name}
            {engine.workers > 1 ? `, ${engine.workers} workers` : ''}
          </span>
        )}
      </p>
    </div>
  );
}
