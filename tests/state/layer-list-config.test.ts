// Layer lists in the Train form and in links: CNN configs round-trip, old `hidden=` links and widths still work.
import { describe, expect, it } from 'vitest';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { draftOf, parseTrainingForm } from '../../src/state/training-form';
import { presetById } from '../../src/state/training-presets';
import { configFromHash, configFromParams, trainingConfigHash } from '../../src/state/url-config';

const CNN_LIST = 'conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100';

describe('layer lists in the Train form', () => {
  const parse = (layers: string) =>
    parseTrainingForm({ ...draftOf(REFERENCE_CONFIG), hiddenSizes: layers }, REFERENCE_CONFIG, 60_000);

  it('reads widths as before, a dense list as widths, and a conv list as the layers', () => {
    expect(parse('200, 100, 25').config).toEqual(REFERENCE_CONFIG);
    expect(parse('dense 200, dense 100, dense 25').config).toEqual(REFERENCE_CONFIG);
    expect(parse('Conv 8@5×5, pool 2, dense 100').config).toMatchObject({
      hiddenSizes: [],
      layers: 'conv 8@5x5, pool 2, dense 100',
    });
  });

  it('shows the layer list’s reason under the field for a list that cannot work', () => {
    const parsed = parse('dense 100, conv 8@5x5');
    expect(parsed.config).toBeNull();
    expect(parsed.errors.hiddenSizes).toMatch(
      /^Conv 8@5x5 comes after dense 100: a dense layer flattens the map/,
    );
    expect(parse('conv 8@4x4').errors.hiddenSizes).toMatch(/'same' padding needs an odd filter size/);
    expect(parse('200, 1.2.3').errors.hiddenSizes).toMatch(/or a layer list/);
  });

  it('puts a CNN preset’s list back into the field, and it parses to the same config', () => {
    const cnn = presetById('cnn')?.config;
    expect(cnn?.layers).toBe(CNN_LIST);
    if (!cnn) return;
    const draft = draftOf(cnn);
    expect(draft.hiddenSizes).toBe(CNN_LIST);
    expect(parseTrainingForm(draft, cnn, 60_000).config).toEqual(cnn);
  });
});

describe('layer lists in links', () => {
  it('writes a CNN as layers= and reads it back, while a dense config keeps hidden=', () => {
    const cnn = { ...REFERENCE_CONFIG, hiddenSizes: [], layers: CNN_LIST };
    const hash = trainingConfigHash(cnn);
    expect(hash).toContain('layers=conv+8%405x5');
    expect(hash).not.toContain('hidden=');
    expect(configFromHash(hash)).toEqual({ config: cnn, fromLink: true, problems: [] });
    expect(trainingConfigHash(REFERENCE_CONFIG)).toContain('hidden=200-100-25');
  });

  it('keeps old hidden= links working, also over a CNN base, and reports a list that cannot work', () => {
    const base = { ...REFERENCE_CONFIG, hiddenSizes: [], layers: CNN_LIST };
    expect(configFromParams({ hidden: '64-32' }, base).config).toEqual({
      ...REFERENCE_CONFIG,
      hiddenSizes: [64, 32],
    });
    expect(configFromParams({ layers: 'dense 64, dense 32' }).config).toEqual({
      ...REFERENCE_CONFIG,
      hiddenSizes: [64, 32],
    });
    const bad = configFromParams({ layers: 'pool 2, lstm 3' });
    expect(bad.config).toEqual(REFERENCE_CONFIG);
    expect(bad.problems).toEqual([
      'layers: "pool 2, lstm 3" cannot be trained: "lstm 3" is not a layer: write conv F@KxK, conv F@KxK valid, pool S or dense N.',
    ]);
  });
});
