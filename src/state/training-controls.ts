// Which training buttons work in which state: the one place the state machine of the controls is written down.
import type { TrainingStatus } from './session-slice';

export interface ControlsEnabled {
  readonly start: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly stop: boolean;
  readonly step: boolean;
  readonly reset: boolean;
  /** The config form can be edited (no run is running or paused). */
  readonly editConfig: boolean;
}

const RUN_OVER: readonly TrainingStatus[] = ['idle', 'stopped', 'finished', 'diverged'];

/**
 * idle ─Start→ running ─Pause→ paused ─Resume→ running; Step: idle/paused → paused; Stop: running/paused →
 * stopped; a run that ends by itself → finished or diverged; Reset: anything but running → idle.
 * While a command is on its way (`busy`) nothing can be pressed; after a worker failure only Restart works.
 */
export function controlsEnabled(
  status: TrainingStatus,
  busy: boolean,
  configValid: boolean,
): ControlsEnabled {
  const ready = !busy && status !== 'failed';
  const runOver = RUN_OVER.includes(status);
  return {
    start: ready && runOver && configValid,
    pause: ready && status === 'running',
    resume: ready && status === 'paused',
    stop: ready && (status === 'running' || status === 'paused'),
    step: ready && (status === 'paused' || (status === 'idle' && configValid)),
    reset: ready && status !== 'running',
    editConfig: ready && runOver,
  };
}
