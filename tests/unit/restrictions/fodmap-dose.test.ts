import { describe, expect, it } from 'vitest';
import type { Restriction, TaggedFoodRef } from '../../../lib/restrictions/types';
import { findViolations, hasFodmapDose } from '../../../lib/restrictions/violations';

const avocado: TaggedFoodRef = {
  ndb: '09037',
  name: 'avocado',
  allergens: [],
  tags: [
    { code: 'high-fodmap', certainty: 'contains', greenMaxG: 60 },
    { code: 'fodmap-sorbitol', certainty: 'contains', greenMaxG: 60 },
  ],
};
const garlic: TaggedFoodRef = {
  ndb: '11215',
  name: 'garlic',
  allergens: [],
  tags: [
    { code: 'high-fodmap', certainty: 'contains' },
    { code: 'fodmap-fructan', certainty: 'contains' },
    { code: 'fructan-garlic', certainty: 'contains' },
  ],
};
const bread: TaggedFoodRef = {
  ndb: '18069',
  name: 'white bread',
  allergens: [{ code: 'wheat', certainty: 'contains' }],
  tags: [
    { code: 'high-fodmap', certainty: 'contains', greenMaxG: 24 },
    { code: 'fodmap-fructan', certainty: 'contains', greenMaxG: 24 },
    { code: 'fructan-wheat', certainty: 'contains', greenMaxG: 24 },
  ],
};

const protocolRule = (code: string) => ({
  kind: 'group' as const,
  code,
  origin: 'protocol' as const,
  reason: 'not in low-FODMAP · Elimination',
});
const elimination = (fodmapDoses: boolean): Restriction => ({
  rules: ['high-fodmap', 'fodmap-fructan', 'fodmap-sorbitol'].map(protocolRule),
  allow: [],
  dislikes: [],
  fodmapDoses,
});

describe('dose-aware FODMAP restriction', () => {
  it('knows which foods carry a dose on every FODMAP tag', () => {
    expect(hasFodmapDose(avocado)).toBe(true);
    expect(hasFodmapDose(garlic)).toBe(false);
    expect(hasFodmapDose({ ...avocado, tags: [] })).toBe(false);
    const mixed = {
      ...avocado,
      tags: [...avocado.tags, { code: 'fodmap-gos', certainty: 'may-contain' as const }],
    };
    expect(hasFodmapDose(mixed)).toBe(false);
  });

  it('excludes a dosed food under the yes/no model and not in a dose-aware phase', () => {
    expect(findViolations(avocado, elimination(false)).map((v) => v.code)).toEqual([
      'high-fodmap',
      'fodmap-sorbitol',
    ]);
    expect(findViolations(avocado, elimination(true))).toEqual([]);
  });

  it('still excludes a food without a green serve', () => {
    expect(findViolations(garlic, elimination(true)).map((v) => v.code)).toEqual([
      'high-fodmap',
      'fodmap-fructan',
    ]);
  });

  it('keeps allergies and the avoid list absolute', () => {
    const restriction: Restriction = {
      ...elimination(true),
      rules: [
        { kind: 'allergen', code: 'wheat', origin: 'allergy', reason: 'your wheat allergy' },
        {
          kind: 'group',
          code: 'fructan-wheat',
          origin: 'avoid',
          reason: 'you avoid wheat fructans',
        },
        ...elimination(true).rules,
      ],
    };
    expect(findViolations(bread, restriction).map((v) => [v.origin, v.code])).toEqual([
      ['allergy', 'wheat'],
      ['avoid', 'fructan-wheat'],
    ]);
  });
});
