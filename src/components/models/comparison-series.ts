// The compared models' histories as curves over epochs (one colour per model), and as rows of numbers.
import type { ComparedCurves, ComparedModel, HistoryPoint } from '../../state/compared-model';

/** A compared model and its curves once read (null while they load, or when they could not be read). */
export interface ComparisonEntry {
  readonly model: ComparedModel;
  readonly curves: ComparedCurves | null;
  /** Why its curves could not be read. */
  readonly curvesError?: string;
}

export interface EpochPoint {
  /** Epochs trained when the point was taken (fractional for points within an epoch). */
  readonly epoch: number;
  readonly value: number;
}

export interface CompareSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly dots: boolean;
  readonly points: readonly EpochPoint[];
}

/** Each at least 4.5:1 on white, so a line is as easy to tell from the page as text. */
const MODEL_COLOURS = [
  '#1d4ed8',
  '#c2410c',
  '#047857',
  '#7e22ce',
  '#be123c',
  '#475569',
  '#a16207',
  '#0e7490',
];

export function modelColour(index: number): string {
  return MODEL_COLOURS[index % MODEL_COLOURS.length];
}

/** Two decimals at most: an epoch's fraction as far as anyone reads it. */
export function epochText(epoch: number): string {
  return String(Number(epoch.toFixed(2)));
}

function points(curve: readonly HistoryPoint[], epochSamples: number, value: (p: HistoryPoint) => number) {
  return curve.map((p) => ({ epoch: p.samplesSeen / epochSamples, value: value(p) }));
}

/** Whether a model has anything to draw: an old file or an imported .npz has no history. */
export function hasCurves(entry: ComparisonEntry): boolean {
  const history = entry.curves?.history;
  return !!history && (history.test.length > 0 || history.train.length > 0);
}

/** Test accuracy in percent, one line per model. */
export function accuracySeries(entries: readonly ComparisonEntry[]): CompareSeries[] {
  return entries.flatMap((entry, index) => {
    const curves = entry.curves;
    if (!curves?.history || curves.history.test.length === 0) return [];
    return [
      {
        key: `${entry.model.id}-test-accuracy`,
        name: entry.model.name,
        color: modelColour(index),
        dashed: false,
        dots: true,
        points: points(curves.history.test, curves.epochSamples, (p) => p.accuracy * 100),
      },
    ];
  });
}

/** Training loss (dashed) and test loss (solid, dotted at each evaluation), in each model's colour. */
export function lossSeries(entries: readonly ComparisonEntry[]): CompareSeries[] {
  return entries.flatMap((entry, index) => {
    const curves = entry.curves;
    if (!curves?.history) return [];
    const { train, test } = curves.history;
    const color = modelColour(index);
    const lines: CompareSeries[] = [];
    if (train.length > 0) {
      lines.push({
        key: `${entry.model.id}-train-loss`,
        name: `${entry.model.name} train`,
        color,
        dashed: true,
        dots: false,
        points: points(train, curves.epochSamples, (p) => p.loss),
      });
    }
    if (test.length > 0) {
      lines.push({
        key: `${entry.model.id}-test-loss`,
        name: `${entry.model.name} test`,
        color,
        dashed: false,
        dots: true,
        points: points(test, curves.epochSamples, (p) => p.loss),
      });
    }
    return lines;
  });
}

export interface CurveRow {
  readonly epoch: number;
  /** Percent. */
  readonly testAccuracy: number;
  readonly testLoss: number;
  /** The training loss last recorded by then; null when none was. */
  readonly trainLoss: number | null;
}

/** One row per test evaluation: what a person reading the numbers instead of the chart needs. */
export function curveRows(curves: ComparedCurves): CurveRow[] {
  const history = curves.history;
  if (!history) return [];
  let trainIndex = 0;
  let trainLoss: number | null = null;
  return history.test.map((test) => {
    while (trainIndex < history.train.length && history.train[trainIndex].samplesSeen <= test.samplesSeen) {
      trainLoss = history.train[trainIndex].loss;
      trainIndex++;
    }
    return {
      epoch: test.samplesSeen / curves.epochSamples,
      testAccuracy: test.accuracy * 100,
      testLoss: test.loss,
      trainLoss,
    };
  });
}

/** One sentence per model for screen readers: where its test accuracy started and ended. */
export function accuracySummary(entries: readonly ComparisonEntry[]): string {
  return entries
    .map((entry) => {
      const curves = entry.curves;
      const test = curves?.history?.test ?? [];
      if (!curves || test.length === 0) return `${entry.model.name}: no curves.`;
      const first = test[0];
      const last = test[test.length - 1];
      const at = (p: HistoryPoint) =>
        `${(p.accuracy * 100).toFixed(2)}% after epoch ${epochText(p.samplesSeen / curves.epochSamples)}`;
      return test.length === 1
        ? `${entry.model.name}: test accuracy ${at(first)}.`
        : `${entry.model.name}: test accuracy from ${at(first)} to ${at(last)}.`;
    })
    .join(' ');
}
