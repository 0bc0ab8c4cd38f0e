// The IDX parser on the real MNIST files and on bad bytes: either a valid dataset or IdxFormatError, nothing else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIdxImages, parseIdxLabels, parseMnist } from '../../src/data/idx';
import { IdxFormatError } from '../../src/data/idx-format-error';
import { loadMnistFromDisk } from '../../src/data/mnist-node';

function header(words: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, false));
  return bytes;
}

function idxImages(count: number, fill = 0): Uint8Array {
  const bytes = new Uint8Array(16 + count * 784).fill(fill);
  bytes.set(header([2051, count, 28, 28]));
  return bytes;
}

function idxLabels(labels: number[]): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  bytes.set(header([2049, labels.length]));
  bytes.set(labels, 8);
  return bytes;
}

describe('parseMnist on the real files', () => {
  const train = loadMnistFromDisk('train');
  const test = loadMnistFromDisk('test');

  it('reads 60,000 training digits whose first label is 5', () => {
    expect(train.count).toBe(60_000);
    expect(train.rows).toBe(28);
    expect(train.cols).toBe(28);
    expect(train.images).toBeInstanceOf(Uint8Array);
    expect(train.images.length).toBe(60_000 * 784);
    expect(train.labels[0]).toBe(5);
  });

  it('reads 10,000 test digits whose first label is 7', () => {
    expect(test.count).toBe(10_000);
    expect(test.labels[0]).toBe(7);
  });

  it('has a label histogram over 0-9 that sums to 60,000 with every digit well represented', () => {
    const histogram = new Array<number>(10).fill(0);
    for (const label of train.labels) histogram[label]++;
    expect(histogram.reduce((a, b) => a + b, 0)).toBe(60_000);
    for (const n of histogram) expect(n).toBeGreaterThan(5_000);
  });

  it('has ink in the first training image (a 5) and blank corners', () => {
    const first = train.images.subarray(0, 784);
    expect(first.reduce((sum, v) => sum + (v > 128 ? 1 : 0), 0)).toBeGreaterThan(50);
    expect(first[0]).toBe(0);
    expect(first[783]).toBe(0);
  });
});

describe('hand-made corrupt files', () => {
  const labels = idxLabels([1, 2]);

  it('rejects a wrong image magic number', () => {
    const bytes = idxImages(2);
    bytes.set(header([2049]), 0);
    expect(() => parseMnist(bytes, labels)).toThrow(/magic number 2051 \(found 2049\)/);
  });

  it('rejects a wrong label magic number', () => {
    const bad = idxLabels([1, 2]);
    bad.set(header([2051]), 0);
    expect(() => parseIdxLabels(bad)).toThrow(IdxFormatError);
  });

  it('rejects images that are not 28x28', () => {
    const bytes = idxImages(1);
    bytes.set(header([2051, 1, 32, 32]));
    expect(() => parseIdxImages(bytes)).toThrow(/32x32/);
  });

  it('rejects a truncated image file, naming it as truncated', () => {
    expect(() => parseIdxImages(idxImages(2).subarray(0, 16 + 784 + 100))).toThrow(/truncated/);
  });

  it('rejects a header whose count disagrees with the byte length', () => {
    const bytes = idxImages(2);
    bytes.set(header([2051, 1]), 0);
    expect(() => parseIdxImages(bytes)).toThrow(/longer than its header says/);
  });

  it('rejects image and label files that disagree on the count', () => {
    expect(() => parseMnist(idxImages(3), labels)).toThrow(/3 images but the label file 2 labels/);
  });

  it('rejects a label above 9', () => {
    expect(() => parseIdxLabels(idxLabels([3, 12]))).toThrow(/label 12 at index 1/);
  });

  it('rejects a file too short for a header', () => {
    expect(() => parseIdxLabels(new Uint8Array(5))).toThrow(/too short/);
  });

  it('rejects a count that differs from the expected split size', () => {
    expect(() => parseMnist(idxImages(2), labels, 60_000)).toThrow(/Expected 60000 digits/);
  });

  it('names the file in the message when told its name', () => {
    expect(() =>
      parseMnist(new Uint8Array(3), labels, undefined, { images: 'training images file', labels: 'x' }),
    ).toThrow(/training images file/);
  });
});

describe('property: any bytes give a dataset or IdxFormatError, never another exception', () => {
  function outcome(images: Uint8Array, labels: Uint8Array): 'ok' | 'format' {
    try {
      const dataset = parseMnist(images, labels);
      expect(dataset.images.length).toBe(dataset.count * 784);
      expect(dataset.labels.length).toBe(dataset.count);
      return 'ok';
    } catch (error) {
      if (error instanceof IdxFormatError) return 'format';
      throw error;
    }
  }

  it('holds for random buffers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        outcome(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('holds for valid files cut at any point or with random header words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat({ max: 0xffffffff }))),
        (imageCount, labelList, cutImages, cutLabels, headerPatch) => {
          const images = idxImages(imageCount, 7);
          const labels = idxLabels(labelList);
          if (headerPatch) images.set(header([headerPatch[1]]), headerPatch[0] * 4);
          const imagesCut = images.subarray(0, images.length - (cutImages % (images.length + 1)));
          const labelsCut = labels.subarray(0, labels.length - (cutLabels % (labels.length + 1)));
          const result = outcome(imagesCut, labelsCut);
          if (result === 'ok') expect(imageCount).toBe(labelList.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts matching, untouched files', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), (labelList) => {
        expect(outcome(idxImages(labelList.length, 200), idxLabels(labelList))).toBe('ok');
      }),
    );
  });
});
