// Raster images of any size and polarity (MNIST arrays, scans, photos) end up in MNIST form.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../../src/data/mnist-node';
import { centreOfMass } from '../../../src/data/preprocess/centre-of-mass';
import { extractInk } from '../../../src/data/preprocess/extract-ink';
import { createGrayImage, type GrayImage } from '../../../src/data/preprocess/gray-image';
import { preprocessGrayImage, preprocessRgbaImage } from '../../../src/data/preprocess/preprocess-image';
import type { Dataset } from '../../../src/nn/types';
import { inkBox, meanAbsoluteDifference } from './helpers';

let test: Dataset;
beforeAll(() => {
  test = loadMnistFromDisk('test');
});

function mnistDigit(n: number): GrayImage {
  const data = new Float32Array(784);
  for (let i = 0; i < 784; i++) data[i] = test.images[n * 784 + i] / 255;
  return createGrayImage(28, 28, data);
}

/** Deterministic pseudo-random numbers for paper texture. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The digit scaled up `factor` times (nearest neighbour) as dark ink on textured light paper, RGBA bytes. */
function photographOf(digit: GrayImage, factor: number, seed: number) {
  const width = digit.width * factor + 30;
  const height = digit.height * factor + 18;
  const data = new Uint8ClampedArray(width * height * 4);
  const random = noise(seed);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = Math.floor((x - 12) / factor);
      const dy = Math.floor((y - 9) / factor);
      const ink = dx >= 0 && dy >= 0 && dx < 28 && dy < 28 ? digit.data[dy * 28 + dx] : 0;
      const paper = 0.78 + 0.12 * random();
      const luminance = paper * (1 - ink) + 0.15 * ink;
      const i = (y * width + x) * 4;
      data[i] = luminance * 255 * 1.02;
      data[i + 1] = luminance * 255;
      data[i + 2] = luminance * 255 * 0.95;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

describe('preprocessGrayImage', () => {
  it('leaves real MNIST digits almost as they are (MNIST was made the same way)', () => {
    let totalDifference = 0;
    for (let n = 0; n < 200; n++) {
      const digit = mnistDigit(n);
      const result = preprocessGrayImage(digit)!;
      const difference = meanAbsoluteDifference(result.input, digit.data);
      totalDifference += difference;
      expect(difference).toBeLessThan(0.1);
      expect(Math.abs(result.centreOfMass.x - 14)).toBeLessThan(0.5);
      expect(Math.abs(result.centreOfMass.y - 14)).toBeLessThan(0.5);
    }
    expect(totalDifference / 200).toBeLessThan(0.03);
  });

  it('accepts any size: a digit in a corner of a 60x45 frame comes back centred with longer side 20', () => {
    const digit = mnistDigit(0);
    const big = createGrayImage(60, 45);
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) big.data[(y + 1) * 60 + x + 30] = digit.data[y * 28 + x];
    const result = preprocessGrayImage(big)!;
    const com = centreOfMass(createGrayImage(28, 28, result.input))!;
    expect(Math.abs(com.x - 14)).toBeLessThan(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThan(0.5);
    const box = inkBox(result.input, 0);
    expect(Math.max(box.width, box.height)).toBeGreaterThanOrEqual(20);
    expect(Math.max(box.width, box.height)).toBeLessThanOrEqual(21);
    expect(meanAbsoluteDifference(result.input, preprocessGrayImage(digit)!.input)).toBeLessThan(0.01);
  });

  it('returns null for a blank or flat image', () => {
    expect(preprocessGrayImage(createGrayImage(28, 28))).toBeNull();
    expect(preprocessGrayImage(createGrayImage(40, 30, new Float32Array(1200).fill(0.7)))).toBeNull();
  });

  it('shows the ink, crop, fit and centring stages in order', () => {
    const result = preprocessGrayImage(mnistDigit(3))!;
    expect(result.stages.map((s) => s.name)).toEqual(['ink', 'crop', 'fit', 'centre']);
  });
});

describe('preprocessRgbaImage (photos and scans)', () => {
  it('inverts dark ink on light paper and cuts the paper texture to 0', () => {
    const digit = mnistDigit(7);
    const photo = photographOf(digit, 4, 1);
    const extraction = extractInk(
      createGrayImage(
        photo.width,
        photo.height,
        Float32Array.from({ length: photo.width * photo.height }, (_, i) => photo.data[i * 4 + 1] / 255),
      ),
    )!;
    expect(extraction.inverted).toBe(true);
    // Paper pixels far from the digit are exactly 0: the texture is below the floor.
    expect(extraction.ink.data[0]).toBe(0);
    let strayInk = 0;
    for (let y = 0; y < photo.height; y++) {
      for (let x = 0; x < 10; x++) strayInk += extraction.ink.data[y * photo.width + x];
    }
    expect(strayInk).toBeLessThan(0.5);
  });

  it('reads a photographed digit like the clean digit', () => {
    for (const n of [0, 1, 2, 7, 11]) {
      const digit = mnistDigit(n);
      const fromPhoto = preprocessRgbaImage(photographOf(digit, 5, n))!;
      const clean = preprocessGrayImage(digit)!;
      expect(meanAbsoluteDifference(fromPhoto.input, clean.input)).toBeLessThan(0.06);
    }
  });

  it('treats transparent pixels as white paper', () => {
    const width = 40;
    const data = new Uint8ClampedArray(width * width * 4);
    for (let y = 8; y < 32; y++) for (let x = 18; x < 22; x++) data[(y * width + x) * 4 + 3] = 255;
    const result = preprocessRgbaImage({ width, height: width, data })!;
    const box = inkBox(result.input);
    expect(box.height).toBeGreaterThanOrEqual(19);
    expect(box.width).toBeLessThanOrEqual(5);
  });

  it('rejects RGBA data of the wrong length with a clear message', () => {
    expect(() => preprocessRgbaImage({ width: 3, height: 3, data: new Uint8ClampedArray(10) })).toThrow(
      /expected 3x3x4/,
    );
  });
});
