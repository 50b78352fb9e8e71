import { describe, expect, it } from 'vitest';
import { entryDetails, withEntry, withoutEntry } from '@/app/profile/_lib/personal-entries';
import type { PersonalEntry, PersonalList } from '@/lib/reintroduction/types';

const entry = (kind: PersonalEntry['kind'], code: string, maxDoseG: number | null = null) => ({
  kind,
  code,
  maxDoseG,
  source: null,
});

const list: PersonalList = {
  allowed: [entry('group', 'fodmap-lactose', 250)],
  excluded: [entry('concept', 'salmon'), entry('food', '01001')],
};

describe('personal list editing', () => {
  it('adds an entry at the end of its side', () => {
    const next = withEntry(list, 'allowed', entry('group', 'berry-spice'));
    expect(next.allowed.map((e) => e.code)).toEqual(['fodmap-lactose', 'berry-spice']);
    expect(next.excluded).toEqual(list.excluded);
  });

  it('moves an entry that was on the other side instead of keeping it twice', () => {
    const next = withEntry(list, 'allowed', entry('concept', 'salmon'));
    expect(next.allowed.map((e) => e.code)).toEqual(['fodmap-lactose', 'salmon']);
    expect(next.excluded.map((e) => e.code)).toEqual(['01001']);
  });

  it('removes one entry by kind and code', () => {
    expect(withoutEntry(list, 'excluded', 'food:01001').excluded.map((e) => e.code)).toEqual([
      'salmon',
    ]);
    expect(withoutEntry(list, 'excluded', 'group:01001')).toEqual(list);
  });

  it('says the dose and where an entry came from', () => {
    expect(entryDetails(entry('group', 'fodmap-lactose', 250))).toBe('up to 250 g · added by you');
    expect(
      entryDetails({
        maxDoseG: null,
        source: { challengeId: 'lactose', from: '2026-11-20', to: '2026-11-25' },
      }),
    ).toBe('from the lactose challenge, 20–25 Nov');
  });
});
