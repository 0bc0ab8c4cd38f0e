// Where the run is: epoch, batch and time left over a progress bar, with the engine and its speed beside.
import { useStore } from '../../state/store';
import { formatCount, percentOf } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';
import { EngineBadge } from './EngineBadge';

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
  if (!progress) return null;
  const epochShown = Math.min(progress.epoch + 1, progress.epochs);
  const batchShown = progress.epoch >= progress.epochs ? progress.batchesPerEpoch : progress.batch;
  const percent = percentOf(progress.samplesSeen, progress.totalSamples);
  const left = progress.secondsLeft === null ? '–' : formatDuration(progress.secondsLeft);
  const summary =
    `Epoch ${epochShown} of ${progress.epochs} · batch ${formatCount(batchShown)} of ${formatCount(progress.batchesPerEpoch)} · ` +
    `${left} left`;
  return (
    <div className="training-progress" data-testid="training-progress">
      <ProgressBar percent={percent} label="Training progress" valueText={summary} />
      <p className="training-progress__text">
        <span>{summary}</span>
        <EngineBadge />
      </p>
    </div>
  );
}
