// The committed hand-drawn set loads into the app's 28x28 inputs, and a broken file says what is wrong with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGIT_DESIGNS } from '../../scripts/handwriting/digit-designs';
import {
  HAND_DRAWN_FORMAT,
  HAND_DRAWN_SET_PATH,
  HandDrawnSetError,
  formatHandDrawnFile,
  loadHandDrawnSet,
  parseHandDrawnFile,
  readHandDrawnFile,
} from '../../scripts/hand-drawn-set';

const valid = {
  format: HAND_DRAWN_FORMAT,
  pad: { width: 400, height: 400, penDiameter: 24 },
  digits: [{ label: 1, style: 'bar', variation: 'natural', strokes: [[200, 50, 200, 120, 201, 350]] }],
};

describe('the committed hand-drawn set', () => {
  const digits = loadHandDrawnSet(HAND_DRAWN_SET_PATH);

  it('holds at least 20 digits of every digit 0-9, each in every designed style', () => {
    for (let label = 0; label <= 9; label++) {
      const own = digits.filter((d) => d.label === label);
      expect(own.length).toBeGreaterThanOrEqual(20);
      const styles = new Set(own.map((d) => d.style));
      for (const design of DIGIT_DESIGNS.filter((d) => d.label === label))
        expect(styles).toContain(design.style);
    }
  });

  it('turns every digit into a 28x28 input with ink, values in [0, 1]', () => {
    for (const d of digits) {
      expect(d.input, `${d.label} ${d.style} ${d.variation}`).not.toBeNull();
      const input = d.input!;
      expect(input.length).toBe(784);
      let ink = 0;
      for (const v of input) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        ink += v;
      }
      expect(ink).toBeGreaterThan(10);
    }
  });
});

describe('reading a hand-drawn set file', () => {
  const write = (text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'hand-drawn-')), 'set.json');
    writeFileSync(path, text);
    return path;
  };

  it('round-trips through its own text format, coordinates to 0.1 px', () => {
    const file = parseHandDrawnFile({
      ...valid,
      digits: [{ ...valid.digits[0], strokes: [[200.04, 50.26, 200, 350]] }],
    });
    const again = readHandDrawnFile(write(formatHandDrawnFile(file)));
    expect(again.digits[0].strokes).toEqual([[200, 50.3, 200, 350]]);
    expect(again.pad).toEqual(valid.pad);
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => readHandDrawnFile('/nonexistent/set.json')).toThrow(
      /cannot read the hand-drawn set \/nonexistent/,
    );
    const path = write('{"format": ');
    expect(() => readHandDrawnFile(path)).toThrow(HandDrawnSetError);
    expect(() => readHandDrawnFile(path)).toThrow(/set\.json is not valid JSON/);
  });

  it('says which field of which digit is wrong', () => {
    const withDigit = (digit: Record<string, unknown>) => ({
      ...valid,
      digits: [valid.digits[0], { ...valid.digits[0], ...digit }],
    });
    expect(() => parseHandDrawnFile({ ...valid, format: 'other' })).toThrow(/format must be/);
    expect(() => parseHandDrawnFile({ ...valid, pad: { width: 400 } })).toThrow(/pad must give/);
    expect(() => parseHandDrawnFile(withDigit({ label: 12 }))).toThrow(
      /digits\[1\]\.label must be a digit 0-9, got 12/,
    );
    expect(() => parseHandDrawnFile(withDigit({ style: '' }))).toThrow(/digits\[1\]\.style/);
    expect(() => parseHandDrawnFile(withDigit({ strokes: [] }))).toThrow(
      /digits\[1\] \(a 1, bar\) has no strokes/,
    );
    expect(() => parseHandDrawnFile(withDigit({ strokes: [[1, 2, 3]] }))).toThrow(
      /strokes\[0\] must be a flat list/,
    );
    expect(() => parseHandDrawnFile(withDigit({ strokes: [[1, 2, 'x', 4]] }))).toThrow(
      /strokes\[0\]\[2\] is "x"/,
    );
    const path = write(JSON.stringify(withDigit({ label: -1 })));
    expect(() => loadHandDrawnSet(path)).toThrow(/set\.json: digits\[1\]\.label/);
  });
});
