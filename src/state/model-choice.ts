// Which network reads the drawing (a shipped one or the one trained here), remembered in localStorage.
import { shippedModel, type ShippedModelId } from './shipped-models';

export type ModelChoice = ShippedModelId | 'live';

export const MODEL_CHOICE_STORAGE_KEY = 'digit-lab.model';

const CHOICES: readonly ModelChoice[] = ['reference', 'convolutional', 'live'];

/** What the page calls a choice. */
export function modelChoiceLabel(choice: ModelChoice): string {
  return choice === 'live' ? 'Your trained model' : shippedModel(choice).label;
}

/** A short name for tight places (the phone's answer strip): "Reference", "Convolutional", "Your model". */
export function modelChoiceShortLabel(choice: ModelChoice): string {
  if (choice === 'live') return 'Your model';
  return shippedModel(choice).label.split(' ')[0];
}

/** The remembered choice, or null when there is none (or an old or hand-edited value). */
export function storedModelChoice(): ModelChoice | null {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(MODEL_CHOICE_STORAGE_KEY) ?? null;
  } catch {
    // Storage blocked by the browser's privacy settings: nothing was remembered.
    return null;
  }
  return CHOICES.find((choice) => choice === raw) ?? null;
}

export function rememberModelChoice(choice: ModelChoice): void {
  try {
    globalThis.localStorage?.setItem(MODEL_CHOICE_STORAGE_KEY, choice);
  } catch (error) {
    // The choice still applies to this visit; only the next visit will not know it.
    console.warn('Digit Lab: the chosen network could not be remembered', error);
  }
}
