import 'server-only';
import { and, eq, exists, inArray, lte, notExists, type SQL, sql } from 'drizzle-orm';
import { describeMaxPortion } from '../../lib/fodmap/describe';
import { type FodmapRating, type RatedIngredient, rateServing } from '../../lib/fodmap/rating';
import { SERVING_DISCLAIMER } from '../../lib/fodmap/tags';
import { tagSubgroupsColumn } from '../../lib/foods/columns';
import {
  complianceReasonsColumn,
  mealTypesColumn,
  nutritionColumn,
  nutritionFromColumn,
  nutritionUnknownColumn,
  stepsColumn,
  tagCausesColumn,
} from '../../lib/recipes/columns';
import type { TagRef } from '../../lib/restrictions/types';
import { namesOf } from '../../lib/shopping/food-names';
import type { RecipeSearch } from '../../lib/validation/recipes';
import type { Db, Tables } from '../client';
import { countRows, groupBy, type Page, pageOf } from './page';
import { loadReferenceData } from './reference-data';
import { recipeSearch, searchWords } from './text-search';

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

type RecipeRow = Tables['recipes']['$inferSelect'];
type CardRow = Pick<
  RecipeRow,
  | 'slug'
  | 'name'
  | 'description'
  | 'mealTypes'
  | 'servings'
  | 'prepMinutes'
  | 'cookMinutes'
  | 'totalMinutes'
  | 'cuisine'
  | 'energyKcal'
  | 'proteinG'
  | 'nutritionUnknown'
  | 'inflammationClass'
  | 'inflammationScore'
>;

function cardColumns(db: Db) {
  const r = db.t.recipes;
  return {
    slug: r.slug,
    name: r.name,
    description: r.description,
    mealTypes: r.mealTypes,
    servings: r.servings,
    prepMinutes: r.prepMinutes,
    cookMinutes: r.cookMinutes,
    totalMinutes: r.totalMinutes,
    cuisine: r.cuisine,
    energyKcal: r.energyKcal,
    proteinG: r.proteinG,
    nutritionUnknown: r.nutritionUnknown,
    inflammationClass: r.inflammationClass,
    inflammationScore: r.inflammationScore,
  };
}

async function allergensFor(
  db: Db,
  slugs: string[],
): Promise<Map<string, { code: string; certainty: string }[]>> {
  if (slugs.length === 0) return new Map();
  const { recipeTags: t } = db.t;
  const rows = await db.orm
    .select({ slug: t.recipeSlug, code: t.code, certainty: t.certainty })
    .from(t)
    .where(and(eq(t.kind, 'allergen'), inArray(t.recipeSlug, slugs)))
    .orderBy(t.recipeSlug, t.code);
  const grouped = groupBy(rows, (r) => r.slug);
  return new Map(
    [...grouped].map(([slug, list]) => [
      slug,
      list.map(({ code, certainty }) => ({ code, certainty })),
    ]),
  );
}

function lowerBounds(unknown: Record<string, number>): RecipeCard['atLeast'] {
  return (['energyKcal', 'proteinG'] as const).filter((k) => (unknown[k] ?? 0) > 0);
}

function toCard(r: CardRow, allergens: { code: string; certainty: string }[]): RecipeCard {
  return {
    slug: r.slug,
    name: r.name,
    description: r.description,
    mealTypes: mealTypesColumn.parse(r.mealTypes),
    servings: r.servings,
    prepMinutes: r.prepMinutes,
    cookMinutes: r.cookMinutes,
    totalMinutes: r.totalMinutes,
    cuisine: r.cuisine,
    energyKcal: Math.round(r.energyKcal),
    proteinG: Math.round(r.proteinG * 10) / 10,
    atLeast: lowerBounds(nutritionUnknownColumn.parse(r.nutritionUnknown)),
    inflammation: { class: r.inflammationClass, score: r.inflammationScore },
    allergens,
  };
}

/** The list's filters over `db.t.recipes`; may-contain counts as contains for `exclude`. */
function recipeFilters(db: Db, search: RecipeSearch & { phase?: string }): SQL | undefined {
  const { recipes, recipeCompliance: c, recipeTags: t } = db.t;
  const one = { one: sql`1` };
  return and(
    // Meal types are a JSON list of fixed words; its text holds each one quoted on both engines.
    search.mealType
      ? sql`cast(${recipes.mealTypes} as text) like ${`%"${search.mealType}"%`}`
      : undefined,
    search.protocol && search.phase
      ? exists(
          db.orm
            .select(one)
            .from(c)
            .where(
              and(
                eq(c.recipeSlug, recipes.slug),
                eq(c.protocol, search.protocol),
                eq(c.phase, search.phase),
                eq(c.ok, true),
              ),
            ),
        )
      : undefined,
    ...(search.exclude ?? []).map((code) =>
      notExists(
        db.orm
          .select(one)
          .from(t)
          .where(and(eq(t.recipeSlug, recipes.slug), eq(t.code, code))),
      ),
    ),
    search.maxMinutes !== undefined ? lte(recipes.totalMinutes, search.maxMinutes) : undefined,
    search.inflammation ? eq(recipes.inflammationClass, search.inflammation) : undefined,
  );
}

/** Lists recipes: with text, best match first, else by name. `phase` is the protocol's phase. */
export async function listRecipes(
  db: Db,
  search: RecipeSearch & { phase?: string },
): Promise<Page<RecipeCard>> {
  const { recipes } = db.t;
  const filters = recipeFilters(db, search);
  const [first, ...rest] = searchWords(search.q ?? '');
  const text = first === undefined ? null : recipeSearch(db, [first, ...rest]);
  let rows = db.orm.select(cardColumns(db)).from(recipes).$dynamic();
  if (text) rows = rows.innerJoin(text.ranked.table, text.ranked.on);
  const page = await pageOf(search, {
    rows: rows.where(filters),
    orderBy: text?.orderBy ?? [sql`lower(${recipes.name})`, recipes.slug],
    count: () => countRows(db, recipes, and(text?.matched, filters)),
  });
  const allergens = await allergensFor(
    db,
    page.items.map((r) => r.slug),
  );
  return { ...page, items: page.items.map((r) => toCard(r, allergens.get(r.slug) ?? [])) };
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
async function fodmapRating(
  db: Db,
  servings: number,
  ingredients: { ndb: string; name: string; grams: number }[],
): Promise<FodmapRating> {
  const { foodTags: t, foodFodmapServes: s } = db.t;
  const ndbs = [...new Set(ingredients.map((i) => i.ndb))];
  if (ndbs.length === 0) return rateServing([]);
  const [tagRows, serveRows] = await Promise.all([
    db.orm
      .select({
        ndb: t.ndb,
        code: t.code,
        certainty: t.certainty,
        greenMaxG: t.greenMaxG,
        subgroupsAbove: t.subgroupsAbove,
      })
      .from(t)
      .where(and(eq(t.kind, 'group'), inArray(t.ndb, ndbs)))
      .orderBy(t.ndb, t.code),
    db.orm
      .select({
        ndb: s.ndb,
        greenMaxG: s.greenMaxG,
        amberFromG: s.amberFromG,
        redFromG: s.redFromG,
      })
      .from(s)
      .where(inArray(s.ndb, ndbs)),
  ]);
  const tagsByNdb = groupBy(tagRows, (r) => r.ndb);
  const servesByNdb = new Map(
    serveRows.map(({ ndb, ...serves }): [string, RatedIngredient['serves']] => [ndb, serves]),
  );
  const byNdb = new Map<string, RatedIngredient>();
  for (const i of ingredients) {
    const prev = byNdb.get(i.ndb);
    if (prev) {
      prev.gramsPerServing = (prev.gramsPerServing ?? 0) + i.grams / servings;
      continue;
    }
    const tags = (tagsByNdb.get(i.ndb) ?? []).map((r): TagRef => {
      const subgroupsAbove = tagSubgroupsColumn.parse(r.subgroupsAbove);
      return {
        code: r.code,
        certainty: r.certainty,
        ...(r.greenMaxG !== null ? { greenMaxG: r.greenMaxG } : {}),
        ...(subgroupsAbove !== null ? { subgroupsAbove } : {}),
      };
    });
    byNdb.set(i.ndb, {
      ndb: i.ndb,
      name: i.name,
      gramsPerServing: i.grams / servings,
      tags,
      serves: servesByNdb.get(i.ndb) ?? null,
    });
  }
  return rateServing([...byNdb.values()]);
}

/** Household measures of the given foods, by ndb, in WEIGHT.txt order. */
async function measuresOf(
  db: Db,
  ndbs: string[],
): Promise<Map<string, { amount: number; label: string; grams: number }[]>> {
  if (ndbs.length === 0) return new Map();
  const { foodMeasures: m } = db.t;
  const rows = await db.orm
    .select({ ndb: m.ndb, amount: m.amount, label: m.label, grams: m.grams })
    .from(m)
    .where(inArray(m.ndb, ndbs))
    .orderBy(m.ndb, m.seq);
  const grouped = groupBy(rows, (r) => r.ndb);
  return new Map(
    [...grouped].map(([ndb, list]) => [
      ndb,
      list.map(({ amount, label, grams }) => ({ amount, label, grams })),
    ]),
  );
}

async function ingredientsOf(db: Db, slug: string) {
  const { recipeIngredients: i, foods: f } = db.t;
  return db.orm
    .select({
      ndb: i.ndb,
      name: f.name,
      grams: i.grams,
      text: i.text,
      note: i.note,
      inflammation: f.inflammationClass,
      inflammationEvidence: f.inflammationEvidence,
    })
    .from(i)
    .innerJoin(f, eq(f.ndb, i.ndb))
    .where(eq(i.recipeSlug, slug))
    .orderBy(i.position);
}

async function complianceOf(db: Db, slug: string): Promise<RecipeDetail['compliance']> {
  const { recipeCompliance: c, protocols: p } = db.t;
  const rows = await db.orm
    .select({
      protocol: c.protocol,
      phase: c.phase,
      ok: c.ok,
      reasons: c.reasons,
      maxPortion: c.maxPortion,
    })
    .from(c)
    .innerJoin(p, eq(p.id, c.protocol))
    .where(eq(c.recipeSlug, slug))
    .orderBy(p.position, c.phase);
  return rows.map((r) => ({
    protocol: r.protocol,
    phase: r.phase,
    ok: r.ok,
    reasons: complianceReasonsColumn.parse(r.reasons),
    maxPortion: r.maxPortion,
    note: r.ok ? describeMaxPortion(r.maxPortion) : null,
  }));
}

export async function getRecipeBySlug(db: Db, slug: string): Promise<RecipeDetail | null> {
  const { recipes, recipeTags: t } = db.t;
  const [r] = await db.orm.select().from(recipes).where(eq(recipes.slug, slug)).limit(1);
  if (!r) return null;
  const [ingredients, tagRows, compliance, ref] = await Promise.all([
    ingredientsOf(db, slug),
    db.orm
      .select({ kind: t.kind, code: t.code, certainty: t.certainty, causes: t.causes })
      .from(t)
      .where(eq(t.recipeSlug, slug))
      .orderBy(t.code, t.kind),
    complianceOf(db, slug),
    loadReferenceData(db),
  ]);
  const [measures, rating] = await Promise.all([
    measuresOf(db, [...new Set(ingredients.map((i) => i.ndb))]),
    fodmapRating(db, r.servings, ingredients),
  ]);
  const toTag = (row: (typeof tagRows)[number]): RecipeTagOut => ({
    code: row.code,
    certainty: row.certainty,
    causes: tagCausesColumn.parse(row.causes),
  });
  const inflammationCauses = ingredients
    .filter((i) => i.inflammation !== 'neutral')
    .map((i) => ({
      ndb: i.ndb,
      name: i.name,
      class: i.inflammation,
      evidence: i.inflammationEvidence,
    }));
  return {
    ...toCard(r, []),
    allergens: tagRows.filter((x) => x.kind === 'allergen').map(toTag),
    light: r.light,
    leftoverDays: r.leftoverDays,
    freezes: r.freezes,
    steps: stepsColumn.parse(r.steps),
    ingredients: ingredients.map(({ inflammation: _, inflammationEvidence: __, ...i }) => ({
      ...i,
      display: namesOf(ref.foodNames, i.ndb, i.name).display,
      measures: measures.get(i.ndb) ?? [],
    })),
    nutritionPerServing: nutritionColumn.parse(r.nutritionPerServing),
    nutritionUnknown: nutritionUnknownColumn.parse(r.nutritionUnknown),
    fructoseG: r.fructoseG,
    treat: r.treat,
    nutritionFrom: nutritionFromColumn.parse(r.nutritionFrom),
    tags: tagRows.filter((x) => x.kind === 'group').map(toTag),
    inflammation: {
      class: r.inflammationClass,
      score: r.inflammationScore,
      causes: inflammationCauses,
    },
    compliance,
    fodmapPerServing: { ...rating, disclaimer: SERVING_DISCLAIMER },
  };
}
