import {
  conceptFoods,
  conceptLabel,
  type FoodConcept,
  parseFoodConcepts,
  searchConcepts,
} from '../../lib/foods/concepts';
import conceptsJson from '../../seeds/food-concepts.json';
import type { Db } from '../client';

/** Kinds of food a person can leave out whole (seeds/food-concepts.json). */
export const FOOD_CONCEPTS: readonly FoodConcept[] = parseFoodConcepts(conceptsJson);

// The foods never change while the app runs (seeding happens before it starts): match once.
const matched = new WeakMap<Db, Promise<Map<string, string[]>>>();

async function matchConcepts(db: Db): Promise<Map<string, string[]>> {
  const { foods } = db.t;
  const rows = await db.orm
    .select({ ndb: foods.ndb, longDesc: foods.longDesc })
    .from(foods)
    .orderBy(foods.ndb);
  return conceptFoods(FOOD_CONCEPTS, rows);
}

/** Every food of each concept in this database (SR21 and derived foods), by concept id. */
export function foodsByConcept(db: Db): Promise<Map<string, string[]>> {
  const hit = matched.get(db);
  if (hit) return hit;
  const pending = matchConcepts(db);
  matched.set(db, pending);
  // A failed read is not remembered: the next call tries again.
  pending.catch(() => matched.delete(db));
  return pending;
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
  const foods = await foodsByConcept(db);
  return searchConcepts(FOOD_CONCEPTS, q ?? '').map((c) => ({
    id: c.id,
    name: c.name,
    label: conceptLabel(c),
    synonyms: c.synonyms,
    description: c.description,
    foodCount: foods.get(c.id)?.length ?? 0,
  }));
}

/** Concept ids a profile may store, and the label of each. */
export function conceptById(id: string): FoodConcept | undefined {
  return FOOD_CONCEPTS.find((c) => c.id === id);
}
