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
const matched = new WeakMap<Db, Map<string, string[]>>();

/** Every food of each concept in this database (SR21 and derived foods), by concept id. */
export function foodsByConcept(db: Db): Map<string, string[]> {
  const hit = matched.get(db);
  if (hit) return hit;
  const foods = db.$client
    .prepare('SELECT ndb, long_desc AS longDesc FROM foods ORDER BY ndb')
    .all() as { ndb: string; longDesc: string }[];
  const out = conceptFoods(FOOD_CONCEPTS, foods);
  matched.set(db, out);
  return out;
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
export function listFoodConcepts(db: Db, q?: string): FoodConceptView[] {
  const foods = foodsByConcept(db);
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
