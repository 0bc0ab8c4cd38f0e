// `npx tsx scripts/handwriting/hand-drawn-sheet.ts OUT.png [SET.json]`: the hand-drawn set's 28x28 inputs on one
// sheet, a row per digit and style, a column per variation, to look at what the networks are asked to read.
import { HAND_DRAWN_SET_PATH, loadHandDrawnSet } from '../hand-drawn-set';
import { writeContactSheet } from './contact-sheet';

const [out, path = HAND_DRAWN_SET_PATH] = process.argv.slice(2);
if (!out) {
  console.error('Usage: npx tsx scripts/handwriting/hand-drawn-sheet.ts OUT.png [SET.json]');
  process.exit(2);
}
console.log(`contact sheet: ${writeContactSheet(loadHandDrawnSet(path), out)}`);
