// Chooses which network reads the drawing: the shipped default model or the one trained in this browser.

export type ModelChoice = 'default' | 'live';

export interface ModelSwitchProps {
  readonly value: ModelChoice;
  readonly liveAvailable: boolean;
  readonly onChange: (choice: ModelChoice) => void;
}

export function ModelSwitch({ value, liveAvailable, onChange }: ModelSwitchProps) {
  return (
    <fieldset className="model-switch">
      <legend>Network</legend>
      <label className="model-switch__option">
        <input type="radio" name="model" checked={value === 'default'} onChange={() => onChange('default')} />
        Default model
      </label>
      <label
        className={liveAvailable ? 'model-switch__option' : 'model-switch__option model-switch__option--off'}
      >
        <input
          type="radio"
          name="model"
          checked={value === 'live'}
          disabled={!liveAvailable}
          onChange={() => onChange('live')}
        />
        Your trained model
      </label>
      {!liveAvailable && (
        <p className="model-switch__hint">
          <a href="#/train">Train a network</a> to read your drawing with it.
        </p>
      )}
    </fieldset>
  );
}
