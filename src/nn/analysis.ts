// Reading a confusion matrix: per-class precision and recall, and which test digits sit in a cell, in what order.

export interface ClassMetrics {
  /** Row sums: how many samples of each true class. */
  readonly support: Int32Array;
  /** Column sums: how many samples were predicted as each class. */
  readonly predictedCounts: Int32Array;
  /** Correct / predicted as the class; NaN when nothing was predicted as it. */
  readonly precision: Float64Array;
  /** Correct / samples of the class; NaN when the class has no samples. */
  readonly recall: Float64Array;
}

/** `confusion[trueLabel * classes + predicted]` counts, as EvaluationResult holds them. */
export function classMetrics(confusion: ArrayLike<number>, classes: number): ClassMetrics {
  if (confusion.length !== classes * classes) {
    throw new Error(
      `a ${classes}-class confusion matrix has ${classes * classes} cells, got ${confusion.length}`,
    );
  }
  const support = new Int32Array(classes);
  const predictedCounts = new Int32Array(classes);
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const n = confusion[t * classes + p];
      support[t] += n;
      predictedCounts[p] += n;
    }
  }
  const precision = new Float64Array(classes);
  const recall = new Float64Array(classes);
  for (let c = 0; c < classes; c++) {
    const correct = confusion[c * classes + c];
    precision[c] = predictedCounts[c] === 0 ? NaN : correct / predictedCounts[c];
    recall[c] = support[c] === 0 ? NaN : correct / support[c];
  }
  return { support, predictedCounts, precision, recall };
}

/**
 * Indices of the samples with true label `trueLabel` predicted as `predicted`. Mistakes come most confident
 * first (the network's worst errors); for a diagonal cell the least confident come first, since a digit
 * read correctly at 99.9% teaches little and the shaky ones show where the network is unsure.
 */
export function galleryIndices(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  confidences: ArrayLike<number>,
  trueLabel: number,
  predicted: number,
): number[] {
  const count = Math.min(labels.length, predictions.length, confidences.length);
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    if (labels[i] === trueLabel && predictions[i] === predicted) picked.push(i);
  }
  const direction = trueLabel === predicted ? 1 : -1;
  picked.sort((a, b) => direction * (confidences[a] - confidences[b]) || a - b);
  return picked;
}

/** Indices of the samples with the given label, or all samples for null, in dataset order. */
export function indicesWithLabel(labels: ArrayLike<number>, label: number | null): number[] {
  const picked: number[] = [];
  for (let i = 0; i < labels.length; i++) if (label === null || labels[i] === label) picked.push(i);
  return picked;
}
