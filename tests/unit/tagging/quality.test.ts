import { describe, expect, it } from 'vitest';
import { scoreTagging } from '@/bench/tagging-quality';
import type { FoodTagging } from '@/lib/foods/types';
import { TAGGING_EXPECTATIONS } from './expectations';
import { loadFixture } from './fixtures';

const tag = (allergens: string[], groups: string[]): FoodTagging =>
  ({
    allergens: allergens.map((code) => ({
      code,
      certainty: 'contains',
      rationale: 'r',
      source: 's',
    })),
    tags: groups.map((code) => ({ code, certainty: 'may-contain', rationale: 'r', source: 's' })),
    inflammation: { class: 'neutral', evidence: 'weak', rationale: 'r', source: 's' },
  }) as FoodTagging;

describe('scoreTagging (bench/tagging-quality)', () => {
  it('counts has rows as positives and hasNot rows as negatives, at any certainty', () => {
    const tagged = new Map([
      ['00001', tag(['milk'], ['dairy'])],
      ['00002', tag(['milk'], [])],
      ['00003', tag([], ['dairy'])],
    ]);
    const rows = scoreTagging(
      [
        { ndb: '00001', name: 'a', has: ['milk', 'dairy'], hasNot: ['egg'] },
        { ndb: '00002', name: 'b', has: ['dairy'], hasNot: ['milk'] },
        { ndb: '00003', name: 'c', has: [], hasNot: ['dairy'] },
      ],
      tagged,
    );
    expect(rows).toEqual([
      { code: 'dairy', tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 },
      { code: 'egg', tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 },
      { code: 'milk', tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 },
    ]);
  });

  it('scores the real table perfectly while the expectation tests pass', () => {
    const rows = scoreTagging(TAGGING_EXPECTATIONS, loadFixture().tagged);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.precision < 1 || r.recall < 1)).toEqual([]);
  });
});
