import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS, INFLAMMATION_CLASSES } from '@/lib/foods/codes';
import {
  eliminatedInNote,
  INFLAMMATION_FILTER_OPTIONS,
  inflammationLabel,
  inflammationText,
} from '@/lib/foods/inflammation-labels';

describe('inflammation labels', () => {
  it('says what the class means, with its evidence', () => {
    expect(inflammationLabel('gut-healing', 'moderate')).toBe(
      'supports gut health (moderate evidence)',
    );
    expect(inflammationLabel('inflammatory', 'debated')).toBe(
      'linked to inflammation (debated evidence)',
    );
    expect(inflammationLabel('neutral', 'weak')).toBe('neutral');
    expect(inflammationLabel('gut-healing')).toBe('supports gut health');
  });

  it('never uses words that drive food fear', () => {
    const all = INFLAMMATION_CLASSES.flatMap((c) =>
      EVIDENCE_LEVELS.map((e) => inflammationLabel(c, e)),
    );
    all.push(eliminatedInNote(['AIP', 'Whole30']) ?? '');
    for (const text of all) {
      expect(text).not.toMatch(/\b(bad|good|toxic|safe|unsafe|poison|junk|clean|dirty)\b/i);
    }
  });

  it('keeps API values as filter values', () => {
    expect(INFLAMMATION_FILTER_OPTIONS.map((o) => o.value)).toEqual([...INFLAMMATION_CLASSES]);
    expect(INFLAMMATION_FILTER_OPTIONS.find((o) => o.value === 'inflammatory')?.label).toBe(
      'linked to inflammation',
    );
  });

  it('shows stored strings it does not know as they are', () => {
    expect(inflammationText('gut-healing', 'strong')).toBe('supports gut health (strong evidence)');
    expect(inflammationText('gut-healing', 'unknown')).toBe('supports gut health');
    expect(inflammationText('something-else')).toBe('something-else');
  });

  it('names the protocols that leave a food out as a phase, not a verdict', () => {
    expect(eliminatedInNote([])).toBeNull();
    expect(eliminatedInNote(['AIP'])).toBe(
      'Often eliminated in AIP: not in this phase (elimination), a protocol choice rather than a verdict on the food.',
    );
    expect(eliminatedInNote(['AIP', 'the gut reset', 'Whole30'])).toMatch(
      /^Often eliminated in AIP, the gut reset and Whole30: not in this phase/,
    );
  });
});
