// Running totals of an evaluation: each sample's answer and confidence, the confusion matrix, the loss and
// the number right, added a batch of class probabilities at a time.
import { argmax } from './argmax';
import { crossEntropySum } from './cross-entropy';
import type { EvaluationResult } from './types';

export interface PredictionTally {
  readonly classes: number;
  /** Per sample: the class with the highest probability, and that probability. */
  readonly predictions: Uint8Array;
  readonly confidences: Float32Array;
  /** confusion[label · classes + prediction]. */
  readonly confusion: Int32Array;
  lossSum: number;
  correct: number;
}

export function createPredictionTally(count: number, classes: number): PredictionTally {
  return {
    classes,
    predictions: new Uint8Array(count),
    confidences: new Float32Array(count),
    confusion: new Int32Array(classes * classes),
    lossSum: 0,
    correct: 0,
  };
}

/**
 * Adds `rows` samples whose probabilities are rows 0 … rows−1 of `probabilities`: samples first … first+rows−1
 * of the tally, labelled labels[first + r].
 */
export function tallyPredictions(
  tally: PredictionTally,
  probabilities: Float32Array,
  rows: number,
  labels: Uint8Array,
  first: number,
): void {
  const { classes } = tally;
  tally.lossSum += crossEntropySum(probabilities, labels, null, first, rows, classes);
  for (let r = 0; r < rows; r++) tallyOne(tally, probabilities, r, labels[first + r], first + r);
}

/** One sample (a function of its own: nested in the loop over batches it would run unoptimised in Chromium). */
function tallyOne(
  tally: PredictionTally,
  probabilities: Float32Array,
  row: number,
  label: number,
  sample: number,
): void {
  const { classes } = tally;
  const predicted = argmax(probabilities, row * classes, classes);
  tally.predictions[sample] = predicted;
  tally.confidences[sample] = probabilities[row * classes + predicted];
  tally.confusion[label * classes + predicted]++;
  if (predicted === label) tally.correct++;
}

/** The evaluation of the `count` samples tallied: mean loss, accuracy and each class's accuracy. */
export function evaluationOf(tally: PredictionTally, count: number): EvaluationResult {
  const { confusion, predictions, confidences, lossSum, correct, classes } = tally;
  const perClassAccuracy = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    let total = 0;
    for (let p = 0; p < classes; p++) total += confusion[c * classes + p];
    perClassAccuracy[c] = total === 0 ? 0 : confusion[c * classes + c] / total;
  }
  return {
    loss: count === 0 ? 0 : lossSum / count,
    accuracy: count === 0 ? 0 : correct / count,
    confusion,
    perClassAccuracy,
    predictions,
    confidences,
  };
}
