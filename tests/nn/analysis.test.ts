// Confusion-matrix reading (precision, recall, gallery order) on hand-made numbers and on real MNIST test digits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import { createNetwork } from '../../src/nn/network';
import { evaluate } from '../../src/nn/evaluate';
import { classMetrics, galleryIndices, indicesWithLabel } from '../../src/nn/analysis';

const test = loadMnistFromDisk('test');

describe('classMetrics', () => {
  it('computes precision from columns and recall from rows', () => {
    // 3 classes: true 0 → [8, 2, 0]; true 1 → [1, 5, 4]; true 2 → [0, 0, 0]
    const m = classMetrics(Int32Array.of(8, 2, 0, 1, 5, 4, 0, 0, 0), 3);
    expect([...m.support]).toEqual([10, 10, 0]);
    expect([...m.predictedCounts]).toEqual([9, 7, 4]);
    expect(m.precision[0]).toBeCloseTo(8 / 9);
    expect(m.precision[1]).toBeCloseTo(5 / 7);
    expect(m.precision[2]).toBe(0);
    expect(m.recall[0]).toBeCloseTo(0.8);
    expect(m.recall[1]).toBeCloseTo(0.5);
    expect(m.recall[2]).toBeNaN();
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => classMetrics(new Int32Array(99), 10)).toThrow(/100 cells/);
  });
});

describe('the confusion matrix of real test digits', () => {
  const limit = 2000;
  const result = evaluate(createNetwork([784, 32, 10], 11), test, limit);
  const metrics = classMetrics(result.confusion, 10);

  it('has rows summing to the per-class test counts and a diagonal summing to the number correct', () => {
    const perClass = new Int32Array(10);
    for (let i = 0; i < limit; i++) perClass[test.labels[i]]++;
    expect([...metrics.support]).toEqual([...perClass]);
    let correct = 0;
    for (let i = 0; i < limit; i++) if (result.predictions[i] === test.labels[i]) correct++;
    let diagonal = 0;
    for (let c = 0; c < 10; c++) diagonal += result.confusion[c * 11];
    expect(diagonal).toBe(correct);
    expect(diagonal / limit).toBeCloseTo(result.accuracy, 10);
    expect(metrics.predictedCounts.reduce((a, b) => a + b, 0)).toBe(limit);
  });

  it('gives every cell a gallery of exactly its count, and the galleries partition the samples', () => {
    const labels = test.labels.subarray(0, limit);
    const seen = new Uint8Array(limit);
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        const indices = galleryIndices(labels, result.predictions, result.confidences, t, p);
        expect(indices.length).toBe(result.confusion[t * 10 + p]);
        for (const i of indices) {
          expect(labels[i]).toBe(t);
          expect(result.predictions[i]).toBe(p);
          seen[i]++;
        }
      }
    }
    expect(seen.every((n) => n === 1)).toBe(true);
  });
});

describe('galleryIndices order', () => {
  const labels = Uint8Array.of(3, 3, 3, 3, 5, 3);
  const predictions = Uint8Array.of(8, 3, 8, 8, 8, 3);
  const confidences = Float32Array.of(0.6, 0.99, 0.95, 0.6, 0.99, 0.7);

  it('puts the most confident mistakes first, ties in dataset order', () => {
    expect(galleryIndices(labels, predictions, confidences, 3, 8)).toEqual([2, 0, 3]);
  });

  it('puts the least confident correct answers first on the diagonal', () => {
    expect(galleryIndices(labels, predictions, confidences, 3, 3)).toEqual([5, 1]);
  });

  it('orders any mistakes cell by non-increasing confidence', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 2 }),
            fc.float({ min: 0, max: 1, noNaN: true }),
          ),
          { maxLength: 60 },
        ),
        (rows) => {
          const l = rows.map((r) => r[0]);
          const p = rows.map((r) => r[1]);
          const c = Float32Array.from(rows.map((r) => r[2]));
          const picked = galleryIndices(l, p, c, 0, 1);
          for (let i = 1; i < picked.length; i++)
            expect(c[picked[i - 1]]).toBeGreaterThanOrEqual(c[picked[i]]);
          expect(picked.length).toBe(rows.filter((r) => r[0] === 0 && r[1] === 1).length);
        },
      ),
    );
  });
});

describe('indicesWithLabel', () => {
  it('filters by label, or keeps everything for null', () => {
    expect(indicesWithLabel(Uint8Array.of(1, 2, 1, 0), 1)).toEqual([0, 2]);
    expect(indicesWithLabel(Uint8Array.of(1, 2), null)).toEqual([0, 1]);
  });
});
