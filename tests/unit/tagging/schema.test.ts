import { describe, expect, it } from 'vitest';
import { parseTagRules, TagRulesError } from '@/lib/tagging';

const DEFAULT = { class: 'neutral', evidence: 'weak', rationale: 'No specific rule applies.' };
const GOOD_RULE = {
  id: 'wheat-words',
  include: ['\\bwheat\\b'],
  allergens: ['wheat'],
  certainty: 'contains',
  rationale: 'Made from wheat.',
};

function doc(over: { rules?: unknown[]; overrides?: unknown[]; inflammation?: unknown } = {}) {
  return {
    rules: over.rules ?? [GOOD_RULE],
    overrides: over.overrides ?? [],
    inflammation: over.inflammation ?? { rules: [], default: DEFAULT },
  };
}

/** The issue paths of a failing parse, e.g. ["rules.0.include.0"]. */
function pathsOf(json: unknown): string[] {
  try {
    parseTagRules(json);
  } catch (e) {
    expect(e).toBeInstanceOf(TagRulesError);
    return (e as TagRulesError).issues.map((i) => i.path);
  }
  throw new Error('expected the rules to be rejected');
}

describe('parseTagRules', () => {
  it('accepts a minimal valid document and fills defaults', () => {
    const r = parseTagRules(doc());
    expect(r.rules[0]?.tags).toEqual([]);
    expect(r.inflammation.overrides).toEqual([]);
  });

  it('rejects a non-object', () => {
    expect(() => parseTagRules(null)).toThrow(TagRulesError);
    expect(() => parseTagRules('rules')).toThrow(TagRulesError);
  });

  it('names the path of a bad regex', () => {
    const bad = { ...GOOD_RULE, include: ['ok', '(unclosed'] };
    expect(pathsOf(doc({ rules: [GOOD_RULE, bad] }))).toContain('rules.1.include.1');
    expect(() => parseTagRules(doc({ rules: [bad] }))).toThrow(
      /rules\.0\.include\.1: not a valid regular expression/,
    );
  });

  it('rejects unknown allergen, group and food-group codes', () => {
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, allergens: ['coconut'] }] }))).toContain(
      'rules.0.allergens.0',
    );
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, tags: ['vegan'] }] }))).toContain(
      'rules.0.tags.0',
    );
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, foodGroups: ['9999'] }] }))).toContain(
      'rules.0.foodGroups.0',
    );
    expect(
      pathsOf(doc({ rules: [{ ...GOOD_RULE, requires: [{ kind: 'group', code: 'nope' }] }] })),
    ).toContain('rules.0.requires.0.code');
  });

  it('rejects a rule that emits nothing or matches everything unguarded', () => {
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, allergens: [] }] }))).toContain('rules.0.tags');
    const { include: _drop, ...noMatch } = GOOD_RULE;
    expect(pathsOf(doc({ rules: [noMatch] }))).toContain('rules.0.include');
  });

  it('rejects inherit without required tags', () => {
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, certainty: 'inherit' }] }))).toContain(
      'rules.0.certainty',
    );
  });

  it('rejects duplicate rule ids across tag and inflammation rules', () => {
    expect(pathsOf(doc({ rules: [GOOD_RULE, GOOD_RULE] }))).toContain('rules.1.id');
    const infl = {
      rules: [
        { id: 'wheat-words', class: 'neutral', evidence: 'weak', rationale: 'x', include: ['a'] },
      ],
      default: DEFAULT,
    };
    expect(pathsOf(doc({ inflammation: infl }))).toContain('inflammation.rules.0.id');
  });

  it('requires one-line neutral rationales', () => {
    expect(
      pathsOf(doc({ rules: [{ ...GOOD_RULE, rationale: 'Wheat is bad for you.' }] })),
    ).toContain('rules.0.rationale');
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, rationale: 'Line one\nline two' }] }))).toContain(
      'rules.0.rationale',
    );
    expect(pathsOf(doc({ rules: [{ ...GOOD_RULE, rationale: '' }] }))).toContain(
      'rules.0.rationale',
    );
  });

  it('validates overrides', () => {
    const ok = {
      ndb: '12104',
      kind: 'allergen',
      code: 'tree-nut',
      action: 'remove',
      reason: 'Coconut is not a tree nut.',
    };
    expect(parseTagRules(doc({ overrides: [ok] })).overrides).toHaveLength(1);
    expect(pathsOf(doc({ overrides: [{ ...ok, ndb: '1210' }] }))).toContain('overrides.0.ndb');
    expect(pathsOf(doc({ overrides: [{ ...ok, code: 'coconut' }] }))).toContain('overrides.0.code');
    expect(pathsOf(doc({ overrides: [{ ...ok, action: 'toggle' }] }))).toContain(
      'overrides.0.action',
    );
    expect(pathsOf(doc({ overrides: [{ ...ok, certainty: 'contains' }] }))).toContain(
      'overrides.0.certainty',
    );
  });

  it('validates inflammation rules and the default', () => {
    const bad = {
      rules: [
        { id: 'x', class: 'anti-inflammatory', evidence: 'weak', rationale: 'x', include: ['a'] },
      ],
      default: DEFAULT,
    };
    expect(pathsOf(doc({ inflammation: bad }))).toContain('inflammation.rules.0.class');
    const noDefault = { rules: [] };
    expect(pathsOf(doc({ inflammation: noDefault }))).toContain('inflammation.default');
    const badEvidence = { rules: [], default: { ...DEFAULT, evidence: 'certain' } };
    expect(pathsOf(doc({ inflammation: badEvidence }))).toContain('inflammation.default.evidence');
    const badNutrient = {
      rules: [
        {
          id: 'fibre',
          class: 'gut-healing',
          evidence: 'moderate',
          rationale: 'x',
          nutrient: { key: 'fibre' },
        },
      ],
      default: DEFAULT,
    };
    const paths = pathsOf(doc({ inflammation: badNutrient }));
    expect(paths.some((p) => p.startsWith('inflammation.rules.0.nutrient'))).toBe(true);
  });
});
