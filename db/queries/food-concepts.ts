import {
  conceptFoods,
  conceptLabel,
  type FoodConcept,
  searchConcepts,
} from '../../lib/foods/concepts';
import type { Db } from '../client';
import { loadReferenceData } from './reference-data';

// The foods never change while the app runs (seeding happens before it starts): match once
// per database.
const matched = new WeakMap<object, Promise<Map<string, string[]>>>();

async function matchConcepts(db: Db): Promise<Map<string, string[]>> {
  const { foods } = db.t;
  const [rows, ref] = await Promise.all([
    db.orm.select({ ndb: foods.ndb, longDesc: foods.longDesc }).from(foods).orderBy(foods.ndb),
    loadReferenceData(db),
  ]);
  return conceptFoods(ref.foodConcepts, rows);
}

/** Every food of each concept in this database (SR21 and derived foods), by concept id. */
export function foodsByConcept(db: Db): Promise<Map<string, string[]>> {
  const hit = matched.get(db.cacheKey);
  if (hit) return hit;
  const pending = matchConcepts(db);
  matched.set(db.cacheKey, pending);
  // A failed read is not remembered: the next call tries again.
  pending.catch(() => matched.delete(db.cacheKey));
  return pending;
}

/** Kinds of food a person can leave out whole, as seeded. */
export async function listConcepts(db: Db): Promise<readonly FoodConcept[]> {
  return (await loadReferenceData(db)).foodConcepts;
}

export type FoodConceptView = {
  id: string;
  name: string;
  /** "salmon (all kinds)" */
  label: string;
  synonyms: string[];
  description: string;
  /** How many foods of the database the concept covers. */
  foodCount: number;
};

/** The concepts a search text names (all of them without one). */
export async function listFoodConcepts(db: Db, q?: string): Promise<FoodConceptView[]> {
  const [foods, concepts] = await Promise.all([foodsByConcept(db), listConcepts(db)]);
  return searchConcepts(concepts, q ?? '').map((c) => ({
    id: c.id,
    name: c.name,
    label: conceptLabel(c),
    synonyms: c.synonyms,
    description: c.description,
    foodCount: foods.get(c.id)?.length ?? 0,
  }));
}
