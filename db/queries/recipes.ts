import 'server-only';
import { describeMaxPortion } from '../../lib/fodmap/describe';
import { type FodmapRating, type RatedIngredient, rateServing } from '../../lib/fodmap/rating';
import { SERVING_DISCLAIMER } from '../../lib/fodmap/tags';
import type { Certainty } from '../../lib/foods/codes';
import type { TagRef } from '../../lib/restrictions/types';
import type { RecipeSearch } from '../../lib/validation/recipes';
import type { Db } from '../client';
import { foodWords } from './food-words';
import { toFtsQuery } from './fts';
import { groupBy, queryPage } from './page';

export type RecipeCard = {
  slug: string;
  name: string;
  description: string;
  mealTypes: string[];
  servings: number;
  prepMinutes: number;
  cookMinutes: number;
  totalMinutes: number;
  cuisine: string;
  energyKcal: number;
  proteinG: number;
  /** Of energyKcal and proteinG, those that are lower bounds (an ingredient has no value). */
  atLeast: ('energyKcal' | 'proteinG')[];
  inflammation: { class: string; score: number };
  allergens: { code: string; certainty: string }[];
};

type RecipeRowRaw = {
  slug: string;
  name: string;
  description: string;
  meal_types: string;
  servings: number;
  prep_minutes: number;
  cook_minutes: number;
  total_minutes: number;
  cuisine: string;
  energy_kcal: number;
  protein_g: number;
  nutrition_unknown: string;
  inflammation_class: string;
  inflammation_score: number;
};

function allergensFor(db: Db, slugs: string[]): Map<string, { code: string; certainty: string }[]> {
  if (slugs.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT recipe_slug AS slug, code, certainty FROM recipe_tags WHERE kind = 'allergen' AND recipe_slug IN (${slugs.map(() => '?').join(',')}) ORDER BY code`,
    )
    .all(...slugs) as { slug: string; code: string; certainty: string }[];
  const grouped = groupBy(rows, (r) => r.slug);
  return new Map(
    [...grouped].map(([slug, list]) => [
      slug,
      list.map(({ code, certainty }) => ({ code, certainty })),
    ]),
  );
}

function lowerBounds(nutritionUnknown: string): RecipeCard['atLeast'] {
  const unknown = JSON.parse(nutritionUnknown) as Record<string, number>;
  return (['energyKcal', 'proteinG'] as const).filter((k) => (unknown[k] ?? 0) > 0);
}

function toCard(r: RecipeRowRaw, allergens: { code: string; certainty: string }[]): RecipeCard {
  return {
    slug: r.slug,
    name: r.name,
    description: r.description,
    mealTypes: JSON.parse(r.meal_types),
    servings: r.servings,
    prepMinutes: r.prep_minutes,
    cookMinutes: r.cook_minutes,
    totalMinutes: r.total_minutes,
    cuisine: r.cuisine,
    energyKcal: Math.round(r.energy_kcal),
    proteinG: Math.round(r.protein_g * 10) / 10,
    atLeast: lowerBounds(r.nutrition_unknown),
    inflammation: { class: r.inflammation_class, score: r.inflammation_score },
    allergens,
  };
}

/** Lists recipes; `phase` defaults to the protocol's first (elimination) phase. */
export function listRecipes(
  db: Db,
  search: RecipeSearch & { phase?: string },
): { items: RecipeCard[]; nextCursor: string | null; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  let from = 'recipes r';
  let order = 'r.name COLLATE NOCASE';
  const fts = search.q ? toFtsQuery(search.q) : null;
  if (fts) {
    from = 'recipes_fts JOIN recipes r ON r.slug = recipes_fts.slug';
    where.push('recipes_fts MATCH ?');
    params.push(fts);
    order = 'bm25(recipes_fts, 0, 10, 2, 1), r.name';
  }
  if (search.mealType) {
    where.push('EXISTS (SELECT 1 FROM json_each(r.meal_types) WHERE value = ?)');
    params.push(search.mealType);
  }
  if (search.protocol && search.phase) {
    where.push(
      'EXISTS (SELECT 1 FROM recipe_compliance c WHERE c.recipe_slug = r.slug AND c.protocol = ? AND c.phase = ? AND c.ok = 1)',
    );
    params.push(search.protocol, search.phase);
  }
  for (const code of search.exclude ?? []) {
    where.push(
      'NOT EXISTS (SELECT 1 FROM recipe_tags t WHERE t.recipe_slug = r.slug AND t.code = ?)',
    );
    params.push(code);
  }
  if (search.maxMinutes !== undefined) {
    where.push('r.total_minutes <= ?');
    params.push(search.maxMinutes);
  }
  if (search.inflammation) {
    where.push('r.inflammation_class = ?');
    params.push(search.inflammation);
  }
  const {
    rows: page,
    nextCursor,
    total,
  } = queryPage<RecipeRowRaw>(db, {
    select: 'r.*',
    from,
    where,
    params,
    order,
    limit: search.limit,
    cursor: search.cursor,
  });
  const allergens = allergensFor(
    db,
    page.map((r) => r.slug),
  );
  return {
    items: page.map((r) => toCard(r, allergens.get(r.slug) ?? [])),
    nextCursor,
    total,
  };
}

export type RecipeTagOut = {
  code: string;
  certainty: string;
  causes: { ndb: string; name: string; certainty: string }[];
};

export type RecipeDetail = Omit<RecipeCard, 'allergens' | 'inflammation'> & {
  light: boolean;
  leftoverDays: number;
  freezes: boolean;
  steps: string[];
  ingredients: {
    ndb: string;
    name: string;
    /** The cook's name of the food (seeds/food-names.json): 'sweet potato', 'shrimp'. */
    display: string;
    grams: number;
    text: string;
    note: string | null;
    measures: { amount: number; label: string; grams: number }[];
  }[];
  /** Sums of the ingredients that report each nutrient: a lower bound where `nutritionUnknown` > 0. */
  nutritionPerServing: Record<string, number | null>;
  /** Per nutrient, how many ingredient lines have no SR21 value (unknown, not zero). */
  nutritionUnknown: Record<string, number>;
  /** Fructose per serving, g, never undercounted (see lib/recipes/fructose.ts); null = unknown. */
  fructoseG: number | null;
  /** A baked treat or pancake; Whole30 leaves these out. */
  treat: boolean;
  /** A strained broth's nutrition source (an SR21 strained stock), else null. */
  nutritionFrom: { ndb: string; name: string; gramsPerServing: number } | null;
  tags: RecipeTagOut[];
  allergens: RecipeTagOut[];
  inflammation: {
    class: string;
    score: number;
    causes: { ndb: string; name: string; class: string; evidence: string }[];
  };
  compliance: {
    protocol: string;
    phase: string;
    ok: boolean;
    reasons: { code: string; reason: string; foods: string[] }[];
    /** Dose-aware phases: largest servings per person that stay green; null = no FODMAP cap. */
    maxPortion: number | null;
    /** e.g. "fits at up to 1 serving per person"; null when doses set no limit. */
    note: string | null;
  }[];
  /** FODMAP rating of one serving by subgroup (green, amber, red) from the serving table. */
  fodmapPerServing: FodmapRating & { disclaimer: string };
};

/** One serving's ingredients with their FODMAP tags and table serves, for the rating. */
function fodmapRating(
  db: Db,
  servings: number,
  ingredients: { ndb: string; name: string; grams: number }[],
): FodmapRating {
  const byNdb = new Map<string, RatedIngredient>();
  const tagStmt = db.$client.prepare(
    "SELECT code, certainty, green_max_g, subgroups_above FROM food_tags WHERE ndb = ? AND kind = 'group'",
  );
  const servesStmt = db.$client.prepare(
    'SELECT green_max_g AS greenMaxG, amber_from_g AS amberFromG, red_from_g AS redFromG FROM food_fodmap_serves WHERE ndb = ?',
  );
  for (const i of ingredients) {
    const prev = byNdb.get(i.ndb);
    if (prev) {
      prev.gramsPerServing = (prev.gramsPerServing ?? 0) + i.grams / servings;
      continue;
    }
    const tags = (
      tagStmt.all(i.ndb) as {
        code: string;
        certainty: Certainty;
        green_max_g: number | null;
        subgroups_above: string | null;
      }[]
    ).map(
      (t): TagRef => ({
        code: t.code,
        certainty: t.certainty,
        ...(t.green_max_g !== null ? { greenMaxG: t.green_max_g } : {}),
        ...(t.subgroups_above !== null ? { subgroupsAbove: JSON.parse(t.subgroups_above) } : {}),
      }),
    );
    const serves = (servesStmt.get(i.ndb) as RatedIngredient['serves'] | undefined) ?? null;
    byNdb.set(i.ndb, {
      ndb: i.ndb,
      name: i.name,
      gramsPerServing: i.grams / servings,
      tags,
      serves,
    });
  }
  return rateServing([...byNdb.values()]);
}

export function getRecipeBySlug(db: Db, slug: string): RecipeDetail | null {
  const r = db.$client.prepare('SELECT * FROM recipes WHERE slug = ?').get(slug) as
    | (RecipeRowRaw & {
        light: number;
        leftover_days: number;
        freezes: number;
        steps: string;
        nutrition_per_serving: string;
        nutrition_unknown: string;
        fructose_g: number | null;
        treat: number;
        nutrition_from: string | null;
      })
    | undefined;
  if (!r) return null;
  const ingredients = db.$client
    .prepare(
      `SELECT i.ndb, f.name, i.grams, i.text, i.note, f.inflammation_class AS inflammation,
       f.inflammation_evidence AS inflammationEvidence
       FROM recipe_ingredients i JOIN foods f ON f.ndb = i.ndb WHERE i.recipe_slug = ? ORDER BY i.position`,
    )
    .all(slug) as {
    ndb: string;
    name: string;
    grams: number;
    text: string;
    note: string | null;
    inflammation: string;
    inflammationEvidence: string;
  }[];
  const measureStmt = db.$client.prepare(
    'SELECT amount, label, grams FROM food_measures WHERE ndb = ? ORDER BY seq',
  );
  const tagRows = db.$client
    .prepare(
      'SELECT kind, code, certainty, causes FROM recipe_tags WHERE recipe_slug = ? ORDER BY code',
    )
    .all(slug) as { kind: string; code: string; certainty: string; causes: string }[];
  const toTag = (t: (typeof tagRows)[number]): RecipeTagOut => ({
    code: t.code,
    certainty: t.certainty,
    causes: JSON.parse(t.causes),
  });
  const compliance = db.$client
    .prepare(
      `SELECT c.protocol, c.phase, c.ok, c.reasons, c.max_portion FROM recipe_compliance c JOIN protocols p ON p.id = c.protocol
       WHERE c.recipe_slug = ? ORDER BY p.position`,
    )
    .all(slug) as {
    protocol: string;
    phase: string;
    ok: number;
    reasons: string;
    max_portion: number | null;
  }[];
  const inflammationCauses = ingredients
    .filter((i) => i.inflammation !== 'neutral')
    .map((i) => ({
      ndb: i.ndb,
      name: i.name,
      class: i.inflammation,
      evidence: i.inflammationEvidence,
    }));
  const allergens = tagRows.filter((t) => t.kind === 'allergen').map(toTag);
  return {
    ...toCard(r, []),
    allergens,
    light: r.light === 1,
    leftoverDays: r.leftover_days,
    freezes: r.freezes === 1,
    steps: JSON.parse(r.steps),
    ingredients: ingredients.map(({ inflammation: _, inflammationEvidence: __, ...i }) => ({
      ...i,
      display: foodWords(i.ndb, i.name).display,
      measures: measureStmt.all(i.ndb) as { amount: number; label: string; grams: number }[],
    })),
    nutritionPerServing: JSON.parse(r.nutrition_per_serving),
    nutritionUnknown: JSON.parse(r.nutrition_unknown),
    fructoseG: r.fructose_g,
    treat: r.treat === 1,
    nutritionFrom: r.nutrition_from ? JSON.parse(r.nutrition_from) : null,
    tags: tagRows.filter((t) => t.kind === 'group').map(toTag),
    inflammation: {
      class: r.inflammation_class,
      score: r.inflammation_score,
      causes: inflammationCauses,
    },
    compliance: compliance.map((c) => ({
      protocol: c.protocol,
      phase: c.phase,
      ok: c.ok === 1,
      reasons: JSON.parse(c.reasons),
      maxPortion: c.max_portion,
      note: c.ok === 1 ? describeMaxPortion(c.max_portion) : null,
    })),
    fodmapPerServing: {
      ...fodmapRating(db, r.servings, ingredients),
      disclaimer: SERVING_DISCLAIMER,
    },
  };
}
