// Start, Pause, Resume, Stop, Step and Reset: native buttons, enabled as the session's state allows.
import type { ControlsEnabled } from '../../state/training-controls';

export interface TrainingControlsProps {
  readonly enabled: ControlsEnabled;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStop: () => void;
  readonly onStep: () => void;
  readonly onReset: () => void;
}

export function TrainingControls({
  enabled,
  onStart,
  onPause,
  onResume,
  onStop,
  onStep,
  onReset,
}: TrainingControlsProps) {
  return (
    <div className="training-controls" role="group" aria-label="Training controls">
      <button type="button" className="button" disabled={!enabled.start} onClick={onStart}>
        Start
      </button>
      <button type="button" className="button button--secondary" disabled={!enabled.pause} onClick={onPause}>
        Pause
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!enabled.resume}
        onClick={onResume}
      >
        Resume
      </button>
      <button type="button" className="button button--secondary" disabled={!enabled.stop} onClick={onStop}>
        Stop
      </button>
      <button type="button" className="button button--secondary" disabled={!enabled.step} onClick={onStep}>
        Step
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!enabled.reset}
        onClick={onReset}
        title="Back to the initial weights of the same seed"
      >
        Reset
      </button>
    </div>
  );
}
