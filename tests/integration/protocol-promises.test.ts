import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getFood } from '@/app/api/foods/[ndb]/route';
import { getDb } from '@/db/client';
import { getFoodByNdb, listFoods } from '@/db/queries/foods';
import { listProtocols } from '@/db/queries/protocols';
import { restrictionForPhase } from '@/lib/protocols/build-restriction';
import type { Protocol } from '@/lib/protocols/schema';
import type { TaggedFoodRef, TagRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { authedRequest, useFreshDatabase } from '../support/db';

/**
 * "Promise only what the data delivers": every food a protocol's "what is in" text names
 * (listed line by line in `whatIsInFoods`) resolves to a food in the seeded database that fits
 * the protocol's first phase under the real restriction engine.
 */
let protocols: Protocol[];

beforeAll(async () => {
  await useFreshDatabase();
  protocols = await listProtocols(getDb());
});

type Row = { ndb: string; name: string; allergens: TagRow[]; tags: TagRow[] };
type TagRow = { code: string; certainty: string; greenMaxG?: number | null };

const toRef = (f: Row): TaggedFoodRef => {
  const tag = ({ code, certainty, greenMaxG }: TagRow): TagRef => {
    if (certainty !== 'contains' && certainty !== 'may-contain')
      throw new Error(`${f.ndb}: certainty ${certainty}`);
    // FODMAP doses travel with the tag: a dose-aware phase limits such a food, it does not exclude it
    return typeof greenMaxG === 'number' ? { code, certainty, greenMaxG } : { code, certainty };
  };
  return { ndb: f.ndb, name: f.name, allergens: f.allergens.map(tag), tags: f.tags.map(tag) };
};

async function candidates(entry: string): Promise<TaggedFoodRef[]> {
  const db = getDb();
  const ndbs = /^\d{5}$/.test(entry)
    ? [entry]
    : (await listFoods(db, { q: entry, limit: 50 })).items.map((item) => item.ndb);
  // The detail row carries each tag's FODMAP dose; the list row does not.
  const foods = await Promise.all(ndbs.map((ndb) => getFoodByNdb(db, ndb)));
  return foods.flatMap((food) => (food ? [toRef(food)] : []));
}

/** Why an entry does not resolve, or null when some matching food fits the phase. */
async function unresolved(protocol: Protocol, entry: string): Promise<string | null> {
  const phase = protocol.phases[0];
  if (!phase) return 'no first phase';
  const restriction = restrictionForPhase(protocol, phase);
  const found = await candidates(entry);
  if (found.length === 0) return `${entry}: no such food`;
  const reasons = found.map((f) => ({ f, v: findViolations(f, restriction) }));
  if (reasons.some((r) => r.v.length === 0)) return null;
  const first = reasons[0];
  return `${entry} (${first?.f.name}): ${first?.v.map((v) => `${v.code} ${v.certainty}`).join(', ')}`;
}

describe('protocol "what is in" promises', () => {
  it('the five protocols and four diets list the foods of every "what is in" line', () => {
    expect(protocols.map((p) => p.id).sort()).toEqual([
      'aip',
      'gut-reset',
      'low-fodmap',
      'omnivore',
      'pescatarian',
      'six-food',
      'vegan',
      'vegetarian',
      'whole30',
    ]);
    for (const p of protocols) {
      expect(p.whatIsInFoods?.length, p.id).toBe(p.whatIsIn.length);
      for (const line of p.whatIsInFoods ?? []) expect(line.length, p.id).toBeGreaterThan(0);
    }
  });

  it.each([
    'aip',
    'low-fodmap',
    'whole30',
    'six-food',
    'gut-reset',
    'omnivore',
    'pescatarian',
    'vegetarian',
    'vegan',
  ])('%s: every promised food exists and fits the first phase', async (id) => {
    const p = protocols.find((x) => x.id === id);
    if (!p) throw new Error(`missing ${id}`);
    const problems: string[] = [];
    for (const [i, line] of (p.whatIsInFoods ?? []).entries()) {
      for (const entry of line) {
        const problem = await unresolved(p, entry);
        if (problem !== null) problems.push(`line ${i + 1} "${p.whatIsIn[i]}": ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('six-food and gut-reset promise gluten-free oats that are in the database and fit', async () => {
    for (const id of ['six-food', 'gut-reset']) {
      const p = protocols.find((x) => x.id === id);
      if (!p) throw new Error(`missing ${id}`);
      const i = p.whatIsIn.findIndex((t) => /oats labeled gluten-free/.test(t));
      expect(i, id).toBeGreaterThanOrEqual(0);
      expect(p.whatIsInFoods?.[i], id).toContain('99006');
      expect(await unresolved(p, '99006'), id).toBeNull();
      // regular oats stay out: they may carry gluten
      expect(await unresolved(p, '08120'), id).toMatch(/gluten/);
    }
  });

  it('six-food promises a calcium-fortified plant drink free of soy and nuts that fits', async () => {
    const p = protocols.find((x) => x.id === 'six-food');
    if (!p) throw new Error('missing six-food');
    const i = p.whatIsIn.findIndex((t) => /Calcium-fortified plant drinks/.test(t));
    const drinks = p.whatIsInFoods?.[i] ?? [];
    expect(drinks).toContain('99007');
    const drink = await getFoodByNdb(getDb(), '99007');
    expect(drink?.nutrientsPer100g.calciumMg).toBeGreaterThanOrEqual(100);
    expect(await unresolved(p, '99007')).toBeNull();
  });

  it('a search term resolves through the food search, and a missing food is reported', async () => {
    const p = protocols.find((x) => x.id === 'low-fodmap');
    if (!p) throw new Error('missing low-fodmap');
    expect(await unresolved(p, 'lactose free milk')).toBeNull();
    expect(await unresolved(p, '99099')).toBe('99099: no such food');
    expect(await unresolved(p, '11291')).toMatch(/fodmap-fructan/);
  });
});

describe('GET /api/foods/{ndb} for a derived food', () => {
  const fetchFood = async (ndb: string) => {
    const res = await getFood(authedRequest(`http://localhost/api/foods/${ndb}`), {
      params: Promise.resolve({ ndb }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      name: string;
      allergens: { code: string }[];
      tags: { code: string }[];
      derivation: { parent: { ndb: string; name: string }; text: string } | null;
    };
  };

  it('states the parent and the derivation; SR21 foods have none', async () => {
    const milk = await fetchFood('99001');
    expect(milk.derivation?.parent).toEqual({ ndb: '01077', name: 'Milk, whole, 3.25% milkfat' });
    expect(milk.derivation?.text).toMatch(/lactase/);
    expect(milk.allergens.map((a) => a.code)).toContain('milk');
    expect(milk.tags.map((t) => t.code)).not.toContain('fodmap-lactose');
    expect((await fetchFood('01077')).derivation).toBeNull();
  });
});
