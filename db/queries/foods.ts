import 'server-only';
import { and, eq, exists, inArray, notExists, type SQL, sql } from 'drizzle-orm';
import { describeServes } from '../../lib/fodmap/describe';
import { SERVING_DISCLAIMER } from '../../lib/fodmap/tags';
import type { Certainty } from '../../lib/foods/codes';
import { nutrientsColumn, tableSubgroupsColumn, tagSubgroupsColumn } from '../../lib/foods/columns';
import type { FoodSearch } from '../../lib/validation/foods';
import type { Db } from '../client';
import { countAll, countRows, groupBy, type Page, pageOf } from './page';
import { foodSearch, searchWords } from './text-search';

export type FoodListItem = {
  ndb: string;
  name: string;
  group: { code: string; name: string };
  energyKcal: number | null;
  proteinG: number | null;
  inflammation: string;
  /** Evidence level of the class's claim: strong, moderate, weak or debated. */
  inflammationEvidence: string;
  allergens: { code: string; certainty: Certainty }[];
  tags: { code: string; certainty: Certainty }[];
};

type TagRow = {
  ndb: string;
  kind: 'allergen' | 'group';
  code: string;
  certainty: Certainty;
  rationale: string;
  source: string;
  greenMaxG: number | null;
  subgroupsAbove: string[] | null;
};

/** What a list row shows of a tag. */
function tagRefColumns(db: Db) {
  const { foodTags } = db.t;
  return {
    ndb: foodTags.ndb,
    kind: foodTags.kind,
    code: foodTags.code,
    certainty: foodTags.certainty,
  };
}

/** The tags of one food, every field. */
async function tagsOf(db: Db, ndb: string): Promise<TagRow[]> {
  const { foodTags } = db.t;
  const rows = await db.orm
    .select({
      ...tagRefColumns(db),
      rationale: foodTags.rationale,
      source: foodTags.source,
      greenMaxG: foodTags.greenMaxG,
      subgroupsAbove: foodTags.subgroupsAbove,
    })
    .from(foodTags)
    .where(eq(foodTags.ndb, ndb))
    .orderBy(foodTags.kind, foodTags.code);
  return rows.map((r) => ({ ...r, subgroupsAbove: tagSubgroupsColumn.parse(r.subgroupsAbove) }));
}

/** The codes and certainties of the given foods' tags, by ndb. */
async function tagRefsFor(
  db: Db,
  ndbs: string[],
): Promise<Map<string, Pick<TagRow, 'ndb' | 'kind' | 'code' | 'certainty'>[]>> {
  if (ndbs.length === 0) return new Map();
  const { foodTags } = db.t;
  const rows = await db.orm
    .select(tagRefColumns(db))
    .from(foodTags)
    .where(inArray(foodTags.ndb, ndbs))
    .orderBy(foodTags.ndb, foodTags.kind, foodTags.code);
  return groupBy(rows, (r) => r.ndb);
}

/** The list's filters over `db.t.foods`; may-contain counts as contains for `free`. */
function foodFilters(db: Db, search: FoodSearch): SQL | undefined {
  const { foods, foodTags } = db.t;
  const tags = (...conditions: SQL[]) =>
    db.orm
      .select({ one: sql`1` })
      .from(foodTags)
      .where(and(eq(foodTags.ndb, foods.ndb), ...conditions));
  return and(
    ...(search.allergen ?? []).map((code) =>
      exists(tags(eq(foodTags.kind, 'allergen'), eq(foodTags.code, code))),
    ),
    ...(search.tag ?? []).map((code) =>
      exists(tags(eq(foodTags.kind, 'group'), eq(foodTags.code, code))),
    ),
    ...(search.free ?? []).map((code) => notExists(tags(eq(foodTags.code, code)))),
    search.inflammation ? eq(foods.inflammationClass, search.inflammation) : undefined,
    search.group ? eq(foods.groupCode, search.group) : undefined,
  );
}

/**
 * Lists foods matching the search: with text, best match first (see `foodSearch`), else by
 * name; paged by the search's cursor.
 */
export async function listFoods(db: Db, search: FoodSearch): Promise<Page<FoodListItem>> {
  const { foods } = db.t;
  const filters = foodFilters(db, search);
  const [first, ...rest] = searchWords(search.q ?? '');
  const text = first === undefined ? null : foodSearch(db, [first, ...rest]);
  let rows = db.orm
    .select({
      ndb: foods.ndb,
      name: foods.name,
      groupCode: foods.groupCode,
      groupName: foods.groupName,
      energyKcal: foods.energyKcal,
      proteinG: foods.proteinG,
      inflammation: foods.inflammationClass,
      inflammationEvidence: foods.inflammationEvidence,
    })
    .from(foods)
    .$dynamic();
  if (text) rows = rows.innerJoin(text.ranked.table, text.ranked.on);
  const page = await pageOf(search, {
    rows: rows.where(filters),
    orderBy: text?.orderBy ?? [sql`lower(${foods.name})`, foods.ndb],
    count: () => countRows(db, foods, and(text?.matched, filters)),
  });
  const tags = await tagRefsFor(
    db,
    page.items.map((r) => r.ndb),
  );
  return {
    ...page,
    items: page.items.map((r) => {
      const t = tags.get(r.ndb) ?? [];
      const refs = (kind: TagRow['kind']) =>
        t.filter((x) => x.kind === kind).map(({ code, certainty }) => ({ code, certainty }));
      return {
        ndb: r.ndb,
        name: r.name,
        group: { code: r.groupCode, name: r.groupName },
        energyKcal: r.energyKcal,
        proteinG: r.proteinG,
        inflammation: r.inflammation,
        inflammationEvidence: r.inflammationEvidence,
        allergens: refs('allergen'),
        tags: refs('group'),
      };
    }),
  };
}

type TagOut = {
  code: string;
  certainty: Certainty;
  rationale: string;
  source: string;
  greenMaxG?: number;
  subgroupsAbove?: string[];
};

export type FoodDetail = {
  ndb: string;
  name: string;
  group: { code: string; name: string };
  longDesc: string;
  commonNames: string;
  manufacturer: string;
  sciName: string;
  refusePct: number | null;
  nutrientsPer100g: Record<string, number | null>;
  measures: { seq: number; amount: number; label: string; grams: number }[];
  allergens: Omit<TagOut, 'greenMaxG' | 'subgroupsAbove'>[];
  tags: TagOut[];
  inflammation: { class: string; rationale: string; evidence: string; source: string };
  /** Derived foods only: the SR21 parent and the stated derivation; null for SR21 foods. */
  derivation: { parent: { ndb: string; name: string }; text: string } | null;
  /**
   * FODMAP serve in one line ("low FODMAP up to 30 g (sorbitol above)") with the serving-table
   * row it comes from (tier and source) and the disclaimer; null when the food has no FODMAPs.
   */
  fodmap: FoodFodmap | null;
};

export type FoodFodmap = {
  summary: string;
  servingTable: {
    food: string;
    greenMaxG: number | null;
    amberFromG: number | null;
    redFromG: number | null;
    subgroupsAbove: string[];
    unlimited: boolean;
    tier: string;
    source: string;
    note: string;
    matchNote: string;
  } | null;
  /** "estimated from published sources — the Monash app is the reference" */
  disclaimer: string;
};

async function servingTableRow(db: Db, ndb: string) {
  const { foodFodmapServes: s } = db.t;
  const [row] = await db.orm
    .select({
      food: s.tableFood,
      greenMaxG: s.greenMaxG,
      amberFromG: s.amberFromG,
      redFromG: s.redFromG,
      subgroupsAbove: s.subgroupsAbove,
      unlimited: s.unlimited,
      tier: s.tier,
      source: s.source,
      note: s.note,
      matchNote: s.matchNote,
    })
    .from(s)
    .where(eq(s.ndb, ndb))
    .limit(1);
  return row ? { ...row, subgroupsAbove: tableSubgroupsColumn.parse(row.subgroupsAbove) } : null;
}

function fodmapOf(
  servingTable: Awaited<ReturnType<typeof servingTableRow>>,
  tags: TagRow[],
): FoodFodmap | null {
  const summary = describeServes(
    servingTable,
    tags.filter((t) => t.kind === 'group').map((t) => ({ code: t.code, certainty: 'contains' })),
  );
  if (summary === null) return null;
  return { summary, servingTable, disclaimer: SERVING_DISCLAIMER };
}

/** A tag as the detail shows it: the dose fields only on FODMAP tags with a green serve. */
function tagOut({ code, certainty, rationale, source, greenMaxG, subgroupsAbove }: TagRow): TagOut {
  return {
    code,
    certainty,
    rationale,
    source,
    ...(greenMaxG !== null ? { greenMaxG } : {}),
    ...(subgroupsAbove !== null ? { subgroupsAbove } : {}),
  };
}

async function foodName(db: Db, ndb: string): Promise<string | null> {
  const { foods } = db.t;
  const [row] = await db.orm
    .select({ name: foods.name })
    .from(foods)
    .where(eq(foods.ndb, ndb))
    .limit(1);
  return row?.name ?? null;
}

export async function getFoodByNdb(db: Db, ndb: string): Promise<FoodDetail | null> {
  const { foods, foodMeasures } = db.t;
  const [row] = await db.orm.select().from(foods).where(eq(foods.ndb, ndb)).limit(1);
  if (!row) return null;
  const parentNdb = row.derivedFrom;
  const [measures, tags, servingTable, parentName] = await Promise.all([
    db.orm
      .select({
        seq: foodMeasures.seq,
        amount: foodMeasures.amount,
        label: foodMeasures.label,
        grams: foodMeasures.grams,
      })
      .from(foodMeasures)
      .where(eq(foodMeasures.ndb, ndb))
      .orderBy(foodMeasures.seq),
    tagsOf(db, ndb),
    servingTableRow(db, ndb),
    parentNdb === null ? null : foodName(db, parentNdb),
  ]);
  return {
    ndb,
    name: row.name,
    group: { code: row.groupCode, name: row.groupName },
    longDesc: row.longDesc,
    commonNames: row.commonNames,
    manufacturer: row.manufacturer,
    sciName: row.sciName,
    refusePct: row.refusePct,
    nutrientsPer100g: nutrientsColumn.parse(row.nutrients),
    measures,
    allergens: tags.filter((t) => t.kind === 'allergen').map(tagOut),
    tags: tags.filter((t) => t.kind === 'group').map(tagOut),
    inflammation: {
      class: row.inflammationClass,
      rationale: row.inflammationRationale,
      evidence: row.inflammationEvidence,
      source: row.inflammationSource,
    },
    derivation:
      parentNdb === null
        ? null
        : {
            parent: { ndb: parentNdb, name: parentName ?? parentNdb },
            text: row.derivation ?? '',
          },
    fodmap: fodmapOf(servingTable, tags),
  };
}

/** Display names of the given foods (unknown NDB numbers are left out). */
export async function foodNames(db: Db, ndbs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ndbs)];
  if (unique.length === 0) return new Map();
  const { foods } = db.t;
  const rows = await db.orm
    .select({ ndb: foods.ndb, name: foods.name })
    .from(foods)
    .where(inArray(foods.ndb, unique));
  return new Map(rows.map((r) => [r.ndb, r.name]));
}

/** How many foods come from SR21 and how many are derived from an SR21 parent. */
export async function countFoodsBySource(db: Db): Promise<{ sr21: number; derived: number }> {
  const { foods } = db.t;
  const [row] = await db.orm
    .select({
      all: countAll(),
      derived: sql<number>`cast(count(${foods.derivedFrom}) as integer)`.mapWith(Number),
    })
    .from(foods);
  return { sr21: (row?.all ?? 0) - (row?.derived ?? 0), derived: row?.derived ?? 0 };
}

export async function listFoodGroups(
  db: Db,
): Promise<{ code: string; name: string; count: number }[]> {
  const { foods } = db.t;
  return db.orm
    .select({ code: foods.groupCode, name: foods.groupName, count: countAll() })
    .from(foods)
    .groupBy(foods.groupCode, foods.groupName)
    .orderBy(foods.groupCode, foods.groupName);
}
