// A contact sheet of 28x28 inputs: one row per (digit, style), one column per variation, as a grey PGM or a PNG.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export interface SheetDigit {
  readonly label: number;
  readonly style: string;
  readonly variation: string;
  /** The 28x28 input in [0, 1] (ink = 1), or null when nothing was drawn. */
  readonly input: Float32Array | null;
}

const SIDE = 28;
const GAP = 2;
/** Extra space between one digit's rows and the next digit's. */
const DIGIT_GAP = 6;

/** Rows (digit, style) and columns (variation) in the order they first appear. */
export function sheetLayout(digits: readonly SheetDigit[]): { rows: string[]; columns: string[] } {
  const rows: string[] = [];
  const columns: string[] = [];
  for (const d of digits) {
    const row = `${d.label} ${d.style}`;
    if (!rows.includes(row)) rows.push(row);
    if (!columns.includes(d.variation)) columns.push(d.variation);
  }
  return { rows, columns };
}

/** Black ink on white, as a person reads it; a missing input shows as a grey square. Returns the PGM bytes. */
export function contactSheetPgm(digits: readonly SheetDigit[]): Buffer {
  const { rows, columns } = sheetLayout(digits);
  const rowTop: number[] = [];
  let y = GAP;
  rows.forEach((row, r) => {
    if (r > 0 && row.split(' ')[0] !== rows[r - 1].split(' ')[0]) y += DIGIT_GAP;
    rowTop.push(y);
    y += SIDE + GAP;
  });
  const width = GAP + columns.length * (SIDE + GAP);
  const height = y;
  const pixels = new Uint8Array(width * height).fill(200);
  for (const d of digits) {
    const top = rowTop[rows.indexOf(`${d.label} ${d.style}`)];
    const left = GAP + columns.indexOf(d.variation) * (SIDE + GAP);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const ink = d.input ? d.input[i] : 0.5;
      pixels[(top + Math.floor(i / SIDE)) * width + left + (i % SIDE)] = Math.round(255 * (1 - ink));
    }
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), Buffer.from(pixels)]);
}

/** Writes the sheet as a PNG scaled `zoom` times (ImageMagick's convert), or as a .pgm when convert is missing. */
export function writeContactSheet(digits: readonly SheetDigit[], pngPath: string, zoom = 3): string {
  const pgmPath = pngPath.replace(/\.png$/, '') + '.pgm';
  writeFileSync(pgmPath, contactSheetPgm(digits));
  try {
    execFileSync('convert', [pgmPath, '-filter', 'point', '-resize', `${zoom * 100}%`, pngPath]);
    return pngPath;
  } catch (error) {
    console.warn(`convert failed (${String(error)}); the sheet stays a PGM`);
    return pgmPath;
  }
}
