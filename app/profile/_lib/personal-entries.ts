import { personalSource } from '@/lib/protocols/personal-list';
import type { PersonalEntry, PersonalList } from '@/lib/reintroduction/types';

export type PersonalSide = keyof PersonalList;

/** One choice of a picker: a group code, a concept id or a food, with the words shown. */
export type PersonalOption = { code: string; label: string };

export const KIND_WORDS: Record<PersonalEntry['kind'], string> = {
  group: 'food group',
  concept: 'kind of food',
  food: 'one food',
};

export const entryKey = (e: Pick<PersonalEntry, 'kind' | 'code'>) => `${e.kind}:${e.code}`;

/** "up to 250 g · from the lactose challenge, 20–25 Nov", or "added by you". */
export function entryDetails(e: Pick<PersonalEntry, 'maxDoseG' | 'source'>): string {
  const dose = e.maxDoseG === null ? null : `up to ${e.maxDoseG} g`;
  return [dose, personalSource(e)].filter((x) => x !== null).join(' · ');
}

/** The list with `entry` added to `side` (replacing an entry of the same food on either side). */
export function withEntry(
  list: PersonalList,
  side: PersonalSide,
  entry: PersonalEntry,
): PersonalList {
  const key = entryKey(entry);
  const kept = (s: PersonalSide) => list[s].filter((e) => entryKey(e) !== key);
  return side === 'allowed'
    ? { allowed: [...kept('allowed'), entry], excluded: kept('excluded') }
    : { allowed: kept('allowed'), excluded: [...kept('excluded'), entry] };
}

/** The list without the entry `key` on `side`. */
export function withoutEntry(list: PersonalList, side: PersonalSide, key: string): PersonalList {
  return { ...list, [side]: list[side].filter((e) => entryKey(e) !== key) };
}
