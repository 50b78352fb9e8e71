import { z } from 'zod';

/**
 * Food concepts (seeds/food-concepts.json): "salmon (all kinds)" for dislikes, matched against
 * every food's USDA description, so a dislike covers foods no recipe uses yet.
 */
export type FoodConcept = {
  id: string;
  name: string;
  synonyms: string[];
  description: string;
  match: RegExp[];
  except: RegExp[];
  ndbs: string[];
  exceptNdbs: string[];
};

/** What matching reads of a food. */
export type ConceptFood = { ndb: string; longDesc: string };

const ndbSchema = z.string().regex(/^\d{5}$/, 'NDB number is 5 digits');
const regexSchema = z.string().refine((s) => {
  try {
    new RegExp(s, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
const text = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), 'no stray spaces');

export const CONCEPT_ID = /^[a-z][a-z-]*$/;

const conceptSchema = z
  .strictObject({
    id: z.string().regex(CONCEPT_ID, 'a concept id is lowercase letters and dashes'),
    name: text,
    synonyms: z.array(text).default([]),
    description: text,
    match: z.array(regexSchema).default([]),
    except: z.array(regexSchema).default([]),
    ndbs: z.array(ndbSchema).default([]),
    exceptNdbs: z.array(ndbSchema).default([]),
  })
  .refine((c) => c.match.length + c.ndbs.length > 0, 'a concept needs a match rule or NDB numbers');

/** The JSON shape of seeds/food-concepts.json. */
export const foodConceptsSchema = z
  .strictObject({ $comment: z.string().optional(), concepts: z.array(conceptSchema).min(1) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const words = new Map<string, string>();
    file.concepts.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['concepts', i, 'id'],
          message: `duplicate id "${c.id}"`,
        });
      ids.add(c.id);
      for (const w of new Set([c.name, ...c.synonyms].map((s) => s.toLowerCase()))) {
        const other = words.get(w);
        if (other !== undefined && other !== c.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['concepts', i],
            message: `"${w}" also names ${other}`,
          });
        }
        words.set(w, c.id);
      }
    });
  });

/** Parses seeds/food-concepts.json; a bad entry throws with its path ("concepts.3.match.0"). */
export function parseFoodConcepts(json: unknown): FoodConcept[] {
  const parsed = foodConceptsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`seeds/food-concepts.json: ${issues}`);
  }
  return parsed.data.concepts.map((c) => ({
    ...c,
    match: c.match.map((s) => new RegExp(s, 'i')),
    except: c.except.map((s) => new RegExp(s, 'i')),
  }));
}

/** Does `food` belong to `concept`? Explicit numbers first, then the description rules. */
export function conceptMatches(concept: FoodConcept, food: ConceptFood): boolean {
  if (concept.exceptNdbs.includes(food.ndb)) return false;
  if (concept.ndbs.includes(food.ndb)) return true;
  return (
    concept.match.some((r) => r.test(food.longDesc)) &&
    !concept.except.some((r) => r.test(food.longDesc))
  );
}

/** Every food of each concept, by concept id, in the foods' order. */
export function conceptFoods(
  concepts: readonly FoodConcept[],
  foods: readonly ConceptFood[],
): Map<string, string[]> {
  return new Map(
    concepts.map((c) => [c.id, foods.filter((f) => conceptMatches(c, f)).map((f) => f.ndb)]),
  );
}

/** How a concept reads in a list of dislikes: "salmon (all kinds)". */
export function conceptLabel(concept: Pick<FoodConcept, 'name'>): string {
  return `${concept.name} (all kinds)`;
}

/**
 * Concepts a search text names: the text is the start of a word of the concept's name or a
 * synonym ("salm" → salmon, "cilantro" → coriander / cilantro), case-insensitive. Names first.
 */
export function searchConcepts(concepts: readonly FoodConcept[], q: string): FoodConcept[] {
  const needle = q.trim().toLowerCase();
  if (needle.length === 0) return [...concepts];
  const starts = (s: string) => {
    const words = s
      .toLowerCase()
      .split(/[\s/()-]+/)
      .filter(Boolean);
    return words.some((_, i) => words.slice(i).join(' ').startsWith(needle));
  };
  const byName = concepts.filter((c) => starts(c.name));
  const bySynonym = concepts.filter((c) => !byName.includes(c) && c.synonyms.some(starts));
  return [...byName, ...bySynonym];
}
