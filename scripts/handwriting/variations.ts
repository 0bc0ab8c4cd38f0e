// Seeded variations of a digit design as a hand makes them: slant, rotation, proportions, size, place on the pad,
// wobble, stroke order and direction, and lifting the pen; the result is in pad fractions (0..1).
import { SeededRandom } from '../../src/nn/random';
import { boundsOf, resample, type Path, type Point } from './curves';
import type { DigitDesign } from './digit-designs';

/** What each variation exaggerates; every variation also gets a little of everything, as no two hands agree. */
export const VARIATION_KINDS = [
  'natural',
  'slant-right',
  'slant-left',
  'rotated',
  'wide',
  'narrow',
  'tiny',
  'huge',
  'corner',
  'edge',
  'wobbly',
  'reversed',
  'lifted',
] as const;

export type VariationKind = (typeof VARIATION_KINDS)[number];

export interface VariedDigit {
  readonly label: number;
  readonly style: string;
  readonly variation: VariationKind;
  /** Strokes in writing order; points as fractions of the pad's width and height. */
  readonly strokes: readonly Path[];
}

/** Points this far apart (in the design's unit box) before wobble: dense enough for a smooth wobble. */
const DESIGN_SPACING = 0.01;
/** No ink centre line closer to the pad's border than this (the round pen is 6% of the pad wide). */
const MARGIN = 0.04;

interface Shape {
  shearDeg: number;
  rotationDeg: number;
  aspect: number;
  /** The longer side of the digit's box as a fraction of the pad. */
  size: number;
  centreX: number;
  centreY: number;
  wobble: number;
}

/** FNV-1a: a stable 32-bit number per (design, variation), so adding a design leaves the others unchanged. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shapeOf(kind: VariationKind, random: SeededRandom): Shape {
  const between = (lo: number, hi: number) => lo + (hi - lo) * random.nextFloat();
  const sign = () => (random.nextFloat() < 0.5 ? -1 : 1);
  const shape: Shape = {
    shearDeg: between(-6, 6),
    rotationDeg: between(-3, 3),
    aspect: between(0.9, 1.1),
    size: between(0.45, 0.7),
    centreX: between(0.42, 0.58),
    centreY: between(0.42, 0.58),
    wobble: between(0.006, 0.014),
  };
  if (kind === 'slant-right') shape.shearDeg = between(14, 22);
  // Backhand writing leans less far than forward slant does.
  if (kind === 'slant-left') shape.shearDeg = -between(10, 16);
  if (kind === 'rotated') shape.rotationDeg = sign() * between(6, 10);
  if (kind === 'wide') shape.aspect = between(1.35, 1.6);
  if (kind === 'narrow') shape.aspect = between(0.6, 0.72);
  if (kind === 'tiny') shape.size = between(0.09, 0.13);
  if (kind === 'huge') {
    shape.size = between(0.86, 0.92);
    shape.centreX = 0.5;
    shape.centreY = 0.5;
  }
  if (kind === 'corner') {
    shape.size = between(0.28, 0.38);
    // Far into a corner: the clamp to the pad's margin below puts the box against both edges.
    shape.centreX = random.nextFloat() < 0.5 ? 0 : 1;
    shape.centreY = random.nextFloat() < 0.5 ? 0 : 1;
  }
  if (kind === 'edge') {
    shape.size = between(0.35, 0.5);
    const along = between(0.25, 0.75);
    const side = Math.floor(random.nextFloat() * 4);
    shape.centreX = side === 0 ? 0 : side === 1 ? 1 : along;
    shape.centreY = side === 2 ? 0 : side === 3 ? 1 : along;
  }
  if (kind === 'wobbly') shape.wobble = between(0.025, 0.035);
  return shape;
}

/** Reversed: each stroke drawn from its other end, and the strokes in the opposite order. */
function reversed(strokes: readonly Path[]): Path[] {
  return strokes.map((s) => s.slice().reverse()).reverse();
}

/** Lifted: the longest stroke broken at its sharpest corner (or its middle), the second part starting a little off. */
function lifted(strokes: readonly Path[], random: SeededRandom): Path[] {
  const lengths = strokes.map((s) => s.length);
  const longest = lengths.indexOf(Math.max(...lengths));
  const stroke = strokes[longest];
  let split = Math.floor(stroke.length / 2);
  let sharpest = 0;
  for (let i = Math.ceil(stroke.length * 0.2); i < stroke.length * 0.8; i++) {
    const [ax, ay] = stroke[i - 1];
    const [bx, by] = stroke[i];
    const [cx, cy] = stroke[i + 1];
    const turn = Math.abs(Math.atan2(cx - bx, cy - by) - Math.atan2(bx - ax, by - ay));
    const angle = Math.min(turn, 2 * Math.PI - turn);
    if (angle > sharpest && angle > Math.PI / 4) {
      sharpest = angle;
      split = i;
    }
  }
  const dx = (random.nextFloat() - 0.5) * 0.03;
  const dy = (random.nextFloat() - 0.5) * 0.03;
  const first = stroke.slice(0, split + 1);
  const second = stroke.slice(split).map(([x, y]): Point => [x + dx, y + dy]);
  return [...strokes.slice(0, longest), first, second, ...strokes.slice(longest + 1)];
}

/** A smooth drift of the hand along each stroke: a few slow sine waves of the distance travelled. */
function wobbled(strokes: readonly Path[], amplitude: number, random: SeededRandom): Path[] {
  return strokes.map((stroke) => {
    const waves = [0, 1, 2].map(() => ({
      wavelength: 0.25 + 0.6 * random.nextFloat(),
      phaseX: 2 * Math.PI * random.nextFloat(),
      phaseY: 2 * Math.PI * random.nextFloat(),
    }));
    let travelled = 0;
    return stroke.map(([x, y], i) => {
      if (i > 0) travelled += Math.hypot(x - stroke[i - 1][0], y - stroke[i - 1][1]);
      let dx = 0;
      let dy = 0;
      for (const w of waves) {
        dx += Math.sin((2 * Math.PI * travelled) / w.wavelength + w.phaseX);
        dy += Math.sin((2 * Math.PI * travelled) / w.wavelength + w.phaseY);
      }
      return [x + (amplitude * dx) / waves.length, y + (amplitude * dy) / waves.length] as Point;
    });
  });
}

/** Slant (shear about the middle, top to the right for positive degrees), proportions, then rotation. */
function reshaped(strokes: readonly Path[], shape: Shape): Path[] {
  const shear = Math.tan((shape.shearDeg * Math.PI) / 180);
  const cos = Math.cos((shape.rotationDeg * Math.PI) / 180);
  const sin = Math.sin((shape.rotationDeg * Math.PI) / 180);
  return strokes.map((stroke) =>
    stroke.map(([x, y]): Point => {
      const sx = (x - 0.5 + shear * (0.5 - y)) * shape.aspect;
      const sy = y - 0.5;
      return [cos * sx - sin * sy, sin * sx + cos * sy];
    }),
  );
}

/** Scaled so the longer side is `size` of the pad, centred at the chosen point but kept inside the margin. */
function placed(strokes: readonly Path[], shape: Shape): Path[] {
  const box = boundsOf(strokes);
  const scale = shape.size / Math.max(box.maxX - box.minX, box.maxY - box.minY);
  const halfWidth = ((box.maxX - box.minX) * scale) / 2;
  const halfHeight = ((box.maxY - box.minY) * scale) / 2;
  const clamp = (v: number, half: number) => Math.min(1 - MARGIN - half, Math.max(MARGIN + half, v));
  const cx = clamp(shape.centreX, halfWidth);
  const cy = clamp(shape.centreY, halfHeight);
  const midX = (box.minX + box.maxX) / 2;
  const midY = (box.minY + box.maxY) / 2;
  return strokes.map((stroke) =>
    stroke.map(([x, y]): Point => [cx + (x - midX) * scale, cy + (y - midY) * scale]),
  );
}

/** One variation of a design, the same for the same seed. */
export function varyDesign(design: DigitDesign, kind: VariationKind, seed: number): VariedDigit {
  const random = new SeededRandom(seed ^ hashOf(`${design.label}/${design.style}/${kind}`));
  const shape = shapeOf(kind, random);
  let strokes: Path[] = design.strokes.map((s) => resample(s, DESIGN_SPACING));
  if (kind === 'reversed') strokes = reversed(strokes);
  if (kind === 'lifted') strokes = lifted(strokes, random);
  strokes = wobbled(strokes, shape.wobble, random);
  strokes = placed(reshaped(strokes, shape), shape);
  return { label: design.label, style: design.style, variation: kind, strokes };
}

/** Every design in every kind of variation, digit by digit. */
export function variedDigits(designs: readonly DigitDesign[], seed: number): VariedDigit[] {
  const sorted = designs.slice().sort((a, b) => a.label - b.label);
  return sorted.flatMap((design) => VARIATION_KINDS.map((kind) => varyDesign(design, kind, seed)));
}
