// The WebAssembly distortion kernel makes the very bytes the TypeScript twin makes: for real MNIST digits under
// the default and much stronger settings, for random draws and odd digit sizes, and through a training run.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../src/data/mnist-node';
import {
  affineSamplingMap,
  distortDigits,
  drawDistortion,
  DISTORTION_STRIDE,
  type AugmentScratch,
  createAugmentScratch,
} from '../../src/nn/augment-digit';
import { DEFAULT_AUGMENTATION, sampleSeed, type Augmentation } from '../../src/nn/augmentation';
import { BatchImages } from '../../src/nn/batch-images';
import { DigitAugmenter } from '../../src/nn/digit-augmenter';
import { createElasticFieldBank, type ElasticFieldBank } from '../../src/nn/elastic-fields';
import { typescriptKernels } from '../../src/nn/kernels';
import { SeededRandom } from '../../src/nn/random';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import type { WasmKernels } from '../../src/wasm/wasm-kernels';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const train = loadMnistFromDisk('train');
let wasm: WasmKernels;

beforeAll(async () => {
  execFileSync('node', ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
  wasm = await loadWasmKernelsNode();
});

/** Much stronger than the defaults: large turns and bends, shifts that push ink over the border, full pens. */
const STRONG: Augmentation = {
  affine: { probability: 1, rotationDegrees: 40, scale: 0.5, shear: 1, translatePixels: 13 },
  elastic: { probability: 1, alpha: 40, sigma: 3 },
  strokeWidth: { probability: 1, strength: 1 },
};
const NEAR_BORDER: Augmentation = {
  affine: { probability: 1, rotationDegrees: 180, scale: 0.9, shear: 2, translatePixels: 14 },
  elastic: { probability: 0.7, alpha: 200, sigma: 0.5 },
  strokeWidth: { probability: 0.5, strength: 0.5 },
};

/**
 * A scratch the twin cannot work in: when the kernel handed the call to the twin (its fallback), the bytes
 * would come out wrong, so equal bytes show the WebAssembly kernel made them.
 */
const NO_SCRATCH: AugmentScratch = {
  side: SIDE,
  source: new Float32Array(0),
  strokeScratch: new Float32Array(0),
};

const banks = new Map<string, ElasticFieldBank>();

/** A bank of 16 fields in the kernels' memory, as DigitAugmenter places its own (made once per shape). */
function bankInArena(side: number, sigma: number): ElasticFieldBank {
  const key = `${side} ${sigma}`;
  const bank = banks.get(key) ?? createElasticFieldBank(side, sigma, 16, (length) => wasm.allocate(length));
  banks.set(key, bank);
  expect(bank.fields.buffer).toBe(wasm.memoryBuffer);
  return bank;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Both implementations on the same draws: [kernel's bytes, twin's bytes]. */
function bothWays(
  images: Uint8Array,
  order: Uint32Array,
  side: number,
  distortions: Float64Array,
  bank: ElasticFieldBank | null,
): [Uint8Array, Uint8Array] {
  const count = order.length;
  const kernel = new Uint8Array(count * side * side);
  const twin = new Uint8Array(count * side * side);
  const fields = bank?.fields ?? null;
  wasm.distortDigits(kernel, images, order, 0, count, side, distortions, fields, { ...NO_SCRATCH, side });
  distortDigits(twin, images, order, 0, count, side, distortions, fields, createAugmentScratch(side));
  return [kernel, twin];
}

describe('WasmKernels.distortDigits', () => {
  it('distorts real MNIST digits to the same bytes as the twin, at the defaults and far stronger settings', () => {
    for (const [augmentation, seed] of [
      [DEFAULT_AUGMENTATION, 1],
      [STRONG, 2],
      [NEAR_BORDER, 3],
    ] as const) {
      const bank = bankInArena(SIDE, augmentation.elastic.sigma);
      const count = 500;
      const order = Uint32Array.from({ length: count }, (_, i) => (i * 7919 + seed) % train.count);
      const distortions = new Float64Array(count * DISTORTION_STRIDE);
      const random = new SeededRandom(0);
      for (let r = 0; r < count; r++) {
        random.reseed(sampleSeed(seed, 4, order[r]));
        drawDistortion(distortions, r * DISTORTION_STRIDE, augmentation, random, bank);
      }
      const [kernel, twin] = bothWays(train.images, order, SIDE, distortions, bank);
      expect(firstDifference(kernel, twin)).toBe(-1);
      // The draws did distort: most digits changed, and some ink went over the border at the strong settings.
      let changed = 0;
      for (let r = 0; r < count; r++) {
        const from = order[r] * PIXELS;
        if (
          firstDifference(
            twin.subarray(r * PIXELS, (r + 1) * PIXELS),
            train.images.subarray(from, from + PIXELS),
          ) >= 0
        ) {
          changed++;
        }
      }
      expect(changed).toBeGreaterThan(count / 2);
    }
  });

  it('agrees with the twin on random draws, random bytes and odd digit sizes, halves rounding up', () => {
    const record = fc.record({
      resample: fc.boolean(),
      stroke: fc.oneof(fc.constantFrom(0, 0.5, -0.5, 1, -1), fc.double({ min: -1, max: 1, noNaN: true })),
      identity: fc.boolean(),
      map: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
      shift: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 2 }),
      field: fc.option(fc.record({ index: fc.nat(15), swap: fc.boolean() })),
      alpha: fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { minLength: 2, maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(28, 27, 5, 4, 1),
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (side, rows, seed) => {
          const pixels = side * side;
          const bank = bankInArena(side, 2);
          const random = new SeededRandom(seed);
          const images = Uint8Array.from({ length: rows.length * pixels }, () =>
            // Mostly blank or full ink, as digits are, so pen changes meet both.
            random.nextFloat() < 0.5 ? 0 : random.nextFloat() < 0.5 ? 255 : random.nextInt(256),
          );
          const order = Uint32Array.from(rows.keys()).reverse();
          const distortions = new Float64Array(rows.length * DISTORTION_STRIDE);
          rows.forEach((row, r) => {
            const at = r * DISTORTION_STRIDE;
            distortions[at] = row.resample ? 1 : 0;
            distortions[at + 1] = row.stroke;
            if (row.identity) affineSamplingMap(0, 1, 0, 0, 0, distortions.subarray(at + 2, at + 8));
            else distortions.set([...row.map, ...row.shift], at + 2);
            const base = (row.field?.index ?? 0) * 2 * pixels;
            distortions[at + 8] = row.field === null ? -1 : base + (row.field.swap ? pixels : 0);
            distortions[at + 9] = row.field === null ? -1 : base + (row.field.swap ? 0 : pixels);
            distortions.set(row.alpha, at + 10);
          });
          const [kernel, twin] = bothWays(images, order, side, distortions, bank);
          expect(firstDifference(kernel, twin)).toBe(-1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a training batch the same distorted digits on WebAssembly as on TypeScript', () => {
    const order = Uint32Array.from({ length: train.count }, (_, i) => (i * 37) % train.count);
    // With elastic fields, which the defaults leave off, so the bank's path is compared too.
    const bent = { ...DEFAULT_AUGMENTATION, elastic: { ...DEFAULT_AUGMENTATION.elastic, alpha: 34 } };
    const onWasm = new BatchImages(train, bent, 5, 128, wasm).prepare(order, 256, 128, 3);
    const onTypescript = new BatchImages(train, bent, 5, 128, typescriptKernels).prepare(order, 256, 128, 3);
    expect(firstDifference(onWasm.images, onTypescript.images)).toBe(-1);
    // The single-digit path (the Train place's preview) makes the same image as the batch.
    const one = new Uint8Array(PIXELS);
    new DigitAugmenter(bent, SIDE, wasm).augment(one, 0, train.images, order[256 + 9], 5, 3);
    expect(firstDifference(one, onTypescript.images.subarray(9 * PIXELS, 10 * PIXELS))).toBe(-1);
  });
});
