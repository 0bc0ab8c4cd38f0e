// The training settings: preset, layers, optimizer and its numbers, batch, epochs, L2, decay, seed, distortions; each field says what is wrong with it.
import type { ReactNode } from 'react';
import type { OptimizerName } from '../../nn/types';
import type { FormField, TrainingFormDraft } from '../../state/training-form';
import { TRAINING_PRESETS } from '../../state/training-presets';
import { OPTIMIZER_LABELS } from './run-label';

export interface TrainingFormProps {
  readonly draft: TrainingFormDraft;
  readonly errors: Partial<Record<FormField, string>>;
  readonly presetId: string | null;
  readonly disabled: boolean;
  readonly onChange: (draft: TrainingFormDraft) => void;
  readonly onPreset: (presetId: string) => void;
}

interface FieldProps {
  readonly field: FormField;
  readonly label: string;
  readonly hint?: string;
  readonly error: string | undefined;
  /** Spans both columns of the form. */
  readonly wide?: boolean;
  readonly children: (describedBy: string | undefined) => ReactNode;
}

function Field({ field, label, hint, error, wide, children }: FieldProps) {
  const errorId = `training-${field}-error`;
  const hintId = `training-${field}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['field', wide ? 'field--wide' : '', error ? 'field--invalid' : '']
        .filter(Boolean)
        .join(' ')}
    >
      <label htmlFor={`training-${field}`}>{label}</label>
      {children(describedBy)}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const OPTIMIZERS = Object.keys(OPTIMIZER_LABELS) as OptimizerName[];

export function TrainingForm({ draft, errors, presetId, disabled, onChange, onPreset }: TrainingFormProps) {
  const text = (
    field: Exclude<FormField, 'optimizer' | 'augment'>,
    label: string,
    hint?: string,
    inputMode: 'decimal' | 'numeric' | 'text' = 'decimal',
    wide = false,
  ) => (
    <Field field={field} label={label} hint={hint} error={errors[field]} wide={wide}>
      {(describedBy) => (
        <input
          id={`training-${field}`}
          name={field}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          value={draft[field]}
          disabled={disabled}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
        />
      )}
    </Field>
  );
  const usesMomentum = draft.optimizer !== 'sgd';
  return (
    <form
      className="training-form"
      aria-label="Training settings"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field field--wide">
        <label htmlFor="training-preset">Preset</label>
        <select
          id="training-preset"
          value={presetId ?? ''}
          disabled={disabled}
          onChange={(event) => event.target.value && onPreset(event.target.value)}
        >
          {presetId === null && <option value="">custom</option>}
          {TRAINING_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </div>
      {text(
        'hiddenSizes',
        'Hidden layers',
        'Units per layer (200, 100, 25) or a layer list: conv 8@5x5, pool 2, dense 100',
        'text',
        true,
      )}
      <Field field="optimizer" label="Optimizer" error={errors.optimizer} wide>
        {(describedBy) => (
          <select
            id="training-optimizer"
            value={draft.optimizer}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...draft, optimizer: event.target.value as OptimizerName })}
          >
            {OPTIMIZERS.map((name) => (
              <option key={name} value={name}>
                {OPTIMIZER_LABELS[name]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('learningRate', 'Learning rate')}
      {usesMomentum && text('beta1', draft.optimizer === 'adam' ? 'Beta1' : 'Momentum')}
      {draft.optimizer === 'adam' && text('beta2', 'Beta2')}
      {text('batchSize', 'Batch size', undefined, 'numeric')}
      {text('epochs', 'Epochs', undefined, 'numeric')}
      {text('l2', 'L2', '0 = off')}
      {text('learningRateDecay', 'LR decay', 'Rate × this each epoch; 1 = constant')}
      {text('seed', 'Seed', 'Same seed, same initial weights', 'numeric')}
      <div className="field field--wide field--check">
        <label>
          <input
            type="checkbox"
            name="augment"
            checked={draft.augment}
            disabled={disabled}
            onChange={(event) => onChange({ ...draft, augment: event.target.checked })}
          />{' '}
          Distort the training digits (new distortions every epoch)
        </label>
      </div>
      {draft.augment &&
        text(
          'augmentation',
          'Distortions',
          'rotate ± degrees, scale 1 ±, shear ±, shift ± pixels, elastic α (0 = off) and σ, stroke ± pen blend; -p: how often',
          'text',
          true,
        )}
    </form>
  );
}
