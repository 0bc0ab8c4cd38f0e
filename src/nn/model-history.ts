// The training history a model file can carry (loss and accuracy curves, epoch times), checked on reading.
import { ModelFormatError } from './model-format-error';
import { isRecord } from './model-file-checks';

/** One point of a curve: the training loss and accuracy, or a test evaluation, after `samplesSeen` samples. */
export interface HistoryPoint {
  readonly samplesSeen: number;
  readonly loss: number;
  /** A fraction from 0 to 1. */
  readonly accuracy: number;
  /** How many test digits were evaluated (test points). */
  readonly sampleCount?: number;
}

export interface ModelHistory {
  /** Training loss and accuracy over the samples seen. */
  readonly train: readonly HistoryPoint[];
  /** Test evaluations over the samples seen. */
  readonly test: readonly HistoryPoint[];
  /** Seconds each completed epoch took (training and its evaluation), in order. */
  readonly epochSeconds: readonly number[];
}

/** Far above a real run (the app keeps at most a few hundred points, the CLI one per epoch). */
export const MAX_HISTORY_POINTS = 20_000;
export const MAX_HISTORY_EPOCHS = 10_000;

function finite(value: unknown, where: string, what: string, ok: (x: number) => boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new ModelFormatError(`${where} must be ${what}, found ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) {
    throw new ModelFormatError(`${where} must be an array, found ${JSON.stringify(value) ?? 'nothing'}`);
  }
  if (value.length > max) {
    throw new ModelFormatError(`${where} has ${value.length} entries; at most ${max} are read`);
  }
  return value;
}

function checkCurve(value: unknown, where: string): HistoryPoint[] {
  let previousSamples = 0;
  return list(value, where, MAX_HISTORY_POINTS).map((point, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(point)) throw new ModelFormatError(`${at} must be an object`);
    const samplesSeen = finite(point.samplesSeen, `${at}.samplesSeen`, 'a number ≥ 0', (x) => x >= 0);
    if (samplesSeen < previousSamples) {
      throw new ModelFormatError(
        `${at}.samplesSeen is ${samplesSeen}, before the previous point's ${previousSamples}: a curve goes forward`,
      );
    }
    previousSamples = samplesSeen;
    const loss = finite(point.loss, `${at}.loss`, 'a finite number ≥ 0', (x) => x >= 0);
    const accuracy = finite(
      point.accuracy,
      `${at}.accuracy`,
      'a number from 0 to 1',
      (x) => x >= 0 && x <= 1,
    );
    if (point.sampleCount === undefined) return { samplesSeen, loss, accuracy };
    const sampleCount = finite(
      point.sampleCount,
      `${at}.sampleCount`,
      'a positive integer',
      (x) => Number.isInteger(x) && x >= 1,
    );
    return { samplesSeen, loss, accuracy, sampleCount };
  });
}

/**
 * Null when the header has none; a clear ModelFormatError (its message after `prefix`) when it has one that is
 * malformed. The result holds only the fields named here.
 */
export function checkHistory(value: unknown, prefix = ''): ModelHistory | null {
  try {
    return checkHistoryFields(value);
  } catch (error) {
    if (prefix === '' || !(error instanceof ModelFormatError)) throw error;
    throw new ModelFormatError(prefix + error.message);
  }
}

function checkHistoryFields(value: unknown): ModelHistory | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw new ModelFormatError('"history" must be an object or null');
  return {
    train: checkCurve(value.train, 'history.train'),
    test: checkCurve(value.test, 'history.test'),
    epochSeconds: list(value.epochSeconds, 'history.epochSeconds', MAX_HISTORY_EPOCHS).map((s, i) =>
      finite(s, `history.epochSeconds[${i}]`, 'a finite number of seconds ≥ 0', (x) => x >= 0),
    ),
  };
}
