// Chooses which network reads the drawing: one of the shipped networks or the one trained in this browser.
import type { ModelChoice } from '../../state/model-choice';
import { SHIPPED_MODELS } from '../../state/shipped-models';

export type { ModelChoice };

export interface ModelSwitchProps {
  readonly value: ModelChoice;
  readonly liveAvailable: boolean;
  readonly onChange: (choice: ModelChoice) => void;
  /** Why another network than the chosen one reads the drawing (it was unavailable), or null. */
  readonly notice?: string | null;
}

export function ModelSwitch({ value, liveAvailable, onChange, notice = null }: ModelSwitchProps) {
  return (
    <fieldset className="model-switch">
      <legend>Network</legend>
      {SHIPPED_MODELS.map(({ id, label }) => (
        <label key={id} className="model-switch__option">
          <input type="radio" name="model" checked={value === id} onChange={() => onChange(id)} />
          {label}
        </label>
      ))}
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
      {/* Always in the page, so screen readers announce a notice that appears later (a failed download); not a
          second role="status" beside the one that speaks the answer. */}
      <p className="model-switch__notice" aria-live="polite" data-testid="model-notice">
        {notice}
      </p>
      {!liveAvailable && (
        <p className="model-switch__hint">
          <a href="#/train">Train a network</a> to read your drawing with it.
        </p>
      )}
    </fieldset>
  );
}
