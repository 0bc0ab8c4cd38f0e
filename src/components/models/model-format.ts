// How the Models place writes a saved model's facts: architecture, accuracy, epochs, dates.
import type { SavedModelStatus } from '../../state/models-slice';

/** `784-200-100-25-10` for a dense network, the layer list for one with conv or pool layers. */
export function architectureText(layerSizes: readonly number[], architecture?: string): string {
  return architecture ?? layerSizes.join('-');
}

export function accuracyText(accuracy: number | null): string {
  return accuracy === null ? 'not measured' : `${(accuracy * 100).toFixed(2)}%`;
}

export function epochsText(epochs: number): string {
  const rounded = Number(epochs.toFixed(2));
  return `${rounded} epoch${rounded === 1 ? '' : 's'}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function dateText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'unknown date' : dateFormat.format(date);
}

export const STATUS_TEXT: Record<SavedModelStatus, string> = {
  training: 'checkpoint of a run',
  finished: 'finished run',
  stopped: 'stopped run',
  imported: 'imported file',
};
