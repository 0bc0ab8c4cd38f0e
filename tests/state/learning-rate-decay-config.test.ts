// A config's learning-rate decay survives the link round trip and edits in the form, and is checked when read.
import { describe, expect, it } from 'vitest';
import { REFERENCE_CONFIG } from '../../src/nn/types';
import { draftOf, parseTrainingForm } from '../../src/state/training-form';
import { presetById } from '../../src/state/training-presets';
import { configFromHash, trainingConfigHash } from '../../src/state/url-config';

const fast = presetById('fast')?.config ?? REFERENCE_CONFIG;

describe('learning-rate decay in configs', () => {
  it("the 'fast' preset has one, and its link brings it back", () => {
    expect(fast.learningRateDecay).toBeLessThan(1);
    const read = configFromHash(trainingConfigHash(fast));
    expect(read.problems).toEqual([]);
    expect(read.config).toEqual(fast);
  });

  it('links without it read as before (no decay), and a bad one is reported', () => {
    expect(trainingConfigHash(REFERENCE_CONFIG)).not.toContain('decay');
    expect(configFromHash(trainingConfigHash(REFERENCE_CONFIG)).config.learningRateDecay).toBeUndefined();
    const bad = configFromHash('#/train?lr=0.1&decay=2');
    expect(bad.config.learningRateDecay).toBeUndefined();
    expect(bad.problems.join(' ')).toMatch(/decay/);
  });

  it('editing a field of the fast preset keeps its decay', () => {
    const draft = { ...draftOf(fast), epochs: '7' };
    const parsed = parseTrainingForm(draft, fast, 60000);
    expect(parsed.config?.learningRateDecay).toBe(fast.learningRateDecay);
    expect(parsed.config?.epochs).toBe(7);
  });

  it('the decay is a field of its own: 1 means none, and a value outside (0, 1] is explained beside it', () => {
    expect(draftOf(REFERENCE_CONFIG).learningRateDecay).toBe('1');
    const constant = parseTrainingForm(draftOf(REFERENCE_CONFIG), REFERENCE_CONFIG, 60000);
    expect(constant.config).toEqual(REFERENCE_CONFIG);
    const decaying = parseTrainingForm(
      { ...draftOf(REFERENCE_CONFIG), learningRateDecay: '0.8' },
      REFERENCE_CONFIG,
      60000,
    );
    expect(decaying.config?.learningRateDecay).toBe(0.8);
    const removed = parseTrainingForm({ ...draftOf(fast), learningRateDecay: '1' }, fast, 60000);
    expect(removed.config?.learningRateDecay).toBeUndefined();
    const bad = parseTrainingForm({ ...draftOf(fast), learningRateDecay: '1.5' }, fast, 60000);
    expect(bad.config).toBeNull();
    expect(bad.errors.learningRateDecay).toMatch(/decay/);
  });
});
