import { describe, expect, it } from 'vitest';
import {
  conceptFoods,
  conceptLabel,
  parseFoodConcepts,
  searchConcepts,
} from '@/lib/foods/concepts';
import { parseFoodNames } from '@/lib/shopping/food-names';
import conceptsJson from '@/seeds/food-concepts.json';
import foodNamesJson from '@/seeds/food-names.json';
import { loadFoods } from '@/seeds/load-foods';

const concepts = parseFoodConcepts(conceptsJson);
const foods = loadFoods();
const byConcept = conceptFoods(concepts, foods);

/**
 * Read off SR21's FOOD_DES.txt by hand: foods each concept must cover, and near misses it must
 * not (a word inside another word, a look-alike, an oil or an imitation).
 */
const CASES: Record<string, { must: string[]; not: string[] }> = {
  salmon: {
    must: ['15076', '15087', '15179', '15236', '15260', '04593', '35068', '35190'],
    not: ['35154', '35027', '15114'], // salmonberries, cloudberries ("salmonberry"), trout
  },
  tuna: { must: ['15117', '15121', '15127', '15128', '99013'], not: ['15088'] },
  sardines: { must: ['15088', '15089', '99014'], not: ['15001'] },
  shrimp: { must: ['15149', '15151', '06056'], not: ['15153'] }, // imitation, from surimi
  crab: { must: ['15136', '15142', '21046'], not: ['09077', '15138'] }, // crabapples, imitation
  scallops: { must: ['15172', '90240'], not: ['11372', '11475', '15174'] },
  liver: {
    must: ['05027', '13325', '17202', '07041', '05282', '35068'],
    not: ['04589', '04593'], // cod liver oil, salmon oil
  },
  mushrooms: { must: ['11260', '11265', '11266', '11268', '11993', '06043'], not: ['11209'] },
  coriander: { must: ['11165', '02012', '02013'], not: ['11297'] }, // parsley
  egg: { must: ['01123', '01124', '01129', '01138', '01142'], not: ['11209', '01057'] },
  trout: { must: ['15115', '15240', '35180'], not: ['15093'] }, // seatrout, a drum
  cod: { must: ['15015', '15018', '15019'], not: ['35047'] }, // lingcod
  olives: { must: ['09193', '09195'], not: ['04053', '99003'] }, // olive oils
  eggplant: { must: ['11209', '43146'], not: ['01123'] },
};

describe('seeds/food-concepts.json', () => {
  it.each(Object.entries(CASES))(
    '%s matches the foods it should and none it should not',
    (id, c) => {
      const ndbs = new Set(byConcept.get(id));
      for (const ndb of c.must) expect(ndbs.has(ndb), `${id} should cover ${ndb}`).toBe(true);
      for (const ndb of c.not) expect(ndbs.has(ndb), `${id} should not cover ${ndb}`).toBe(false);
    },
  );

  it('covers every catalog food the names data files under the same concept', () => {
    const names = parseFoodNames(foodNamesJson);
    let checked = 0;
    for (const [ndb, row] of names) {
      if (!row.concept || !byConcept.has(row.concept)) continue;
      expect(byConcept.get(row.concept), `${row.concept} should cover ${ndb}`).toContain(ndb);
      checked++;
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('matches whole kinds beyond the catalog, and every concept matches something', () => {
    for (const c of concepts) expect(byConcept.get(c.id)?.length ?? 0).toBeGreaterThan(0);
    expect(byConcept.get('salmon')?.length).toBeGreaterThan(30);
  });

  it('refuses a bad file, naming the entry', () => {
    const good = { id: 'kale', name: 'kale', description: 'kale', match: ['\\bkale\\b'] };
    expect(() => parseFoodConcepts({ concepts: [{ ...good, match: ['(unclosed'] }] })).toThrow(
      /concepts\.0\.match\.0/,
    );
    expect(() => parseFoodConcepts({ concepts: [good, good] })).toThrow(/duplicate id "kale"/);
    expect(() =>
      parseFoodConcepts({ concepts: [good, { ...good, id: 'cavolo', synonyms: ['Kale'] }] }),
    ).toThrow(/"kale" also names kale/);
    expect(() => parseFoodConcepts({ concepts: [{ ...good, match: [] }] })).toThrow(/match rule/);
  });
});

describe('searchConcepts and labels', () => {
  const ids = (q: string) => searchConcepts(concepts, q).map((c) => c.id);
  it('finds a concept by the start of a word of its name or a synonym', () => {
    expect(ids('salm')).toEqual(['salmon']);
    expect(ids('Salmon')).toEqual(['salmon']);
    expect(ids('cilantro')).toEqual(['coriander']);
    expect(ids('prawn')).toEqual(['shrimp']);
    expect(ids('egg')).toEqual(['egg', 'eggplant']);
    expect(ids('almon')).toEqual([]);
  });
  it('reads "salmon (all kinds)"', () => {
    expect(conceptLabel(concepts.find((c) => c.id === 'salmon')!)).toBe('salmon (all kinds)');
  });
});
