import { describe, expect, it } from 'vitest';
import { codesOf, loadFixture } from './fixtures';

const { tagged } = loadFixture();

function tagsOf(ndb: string): Map<string, string> {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`no food ${ndb}`);
  return new Map(t.tags.map((x) => [x.code, x.certainty]));
}

describe('fructans in three parts (wheat, garlic, onion)', () => {
  it.each([
    ['11282', 'Onions, raw', 'fructan-onion', 'fructan-garlic'],
    ['11677', 'Shallots, raw', 'fructan-onion', 'fructan-garlic'],
    ['11246', 'Leeks, bulb and lower leaf', 'fructan-onion', 'fructan-garlic'],
    ['11215', 'Garlic, raw', 'fructan-garlic', 'fructan-onion'],
    ['02020', 'Garlic powder', 'fructan-garlic', 'fructan-onion'],
    ['18069', 'Bread, white', 'fructan-wheat', 'fructan-onion'],
    ['20062', 'Rye', 'fructan-wheat', 'fructan-garlic'],
  ])('%s %s carries %s and not %s', (ndb, _name, has, hasNot) => {
    const tags = tagsOf(ndb);
    expect(tags.get(has)).toBe('contains');
    expect(tags.has(hasNot)).toBe(false);
    // each part implies the subgroup, which implies high-fodmap
    expect(tags.get('fodmap-fructan')).toBe('contains');
    expect(tags.get('high-fodmap')).toBe('contains');
  });

  it('leaves oats, infused oil and spring onion tops without a fructan part', () => {
    for (const ndb of ['08120', '11292']) {
      const codes = codesOf(tagged.get(ndb)!);
      expect(
        [...codes].filter((c) => c.startsWith('fructan-')),
        ndb,
      ).toEqual([]);
    }
  });

  it('marks dishes that hold onion or garlic as may-contain both parts', () => {
    const hummus = tagsOf('16158');
    expect(hummus.get('fodmap-fructan')).toBe('contains');
    expect(hummus.get('fructan-garlic')).toBe('may-contain');
    expect(hummus.get('fructan-onion')).toBe('may-contain');
  });
});

describe('chamomile and celery flakes', () => {
  it('chamomile tea carries fructans; other herb teas do not', () => {
    expect(tagsOf('14545').get('fodmap-fructan')).toBe('contains');
    expect(tagsOf('14381').has('fodmap-fructan')).toBe(false);
  });

  it("celery flakes carry celery's mannitol; celery seed does not", () => {
    expect(tagsOf('44055').get('fodmap-mannitol')).toBe('contains');
    expect(tagsOf('11143').get('fodmap-mannitol')).toBe('contains');
    expect(tagsOf('02007').has('fodmap-mannitol')).toBe(false);
  });
});
