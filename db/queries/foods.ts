import 'server-only';
import { describeServes } from '../../lib/fodmap/describe';
import type { TableSubgroup } from '../../lib/fodmap/table';
import { SERVING_DISCLAIMER } from '../../lib/fodmap/tags';
import type { FoodSearch } from '../../lib/validation/foods';
import type { Db } from '../client';
import { toFtsQuery } from './fts';
import { groupBy, queryPage } from './page';

export type FoodListItem = {
  ndb: string;
  name: string;
  group: { code: string; name: string };
  energyKcal: number | null;
  proteinG: number | null;
  inflammation: string;
  /** Evidence level of the class's claim: strong, moderate, weak or debated. */
  inflammationEvidence: string;
  allergens: { code: string; certainty: string }[];
  tags: { code: string; certainty: string }[];
};

type TagRow = {
  ndb: string;
  kind: 'allergen' | 'group';
  code: string;
  certainty: string;
  rationale: string;
  source: string;
  green_max_g: number | null;
  subgroups_above: string | null;
};

function tagsFor(db: Db, ndbs: string[]): Map<string, TagRow[]> {
  if (ndbs.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT ndb, kind, code, certainty, rationale, source, green_max_g, subgroups_above FROM food_tags WHERE ndb IN (${ndbs.map(() => '?').join(',')}) ORDER BY kind, code`,
    )
    .all(...ndbs) as TagRow[];
  return groupBy(rows, (r) => r.ndb);
}

/**
 * Lists foods matching the search. Ranking for text: names that start with the first word,
 * then raw foods, then shorter (more basic) names, then FTS5 bm25 (name weighted over common names).
 */
export function listFoods(
  db: Db,
  search: FoodSearch,
): { items: FoodListItem[]; nextCursor: string | null; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const orderParams: string[] = [];
  const fts = search.q ? toFtsQuery(search.q) : null;
  let from = 'foods f';
  let order = 'f.name COLLATE NOCASE';
  if (fts) {
    from = 'foods_fts JOIN foods f ON f.ndb = foods_fts.ndb';
    where.push('foods_fts MATCH ?');
    params.push(fts);
    const first =
      (search.q ?? '')
        .trim()
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)[0] ?? '';
    order = `(lower(f.name) LIKE ? ) DESC, (f.name LIKE '%, raw%') DESC, length(f.name), bm25(foods_fts, 0, 10, 2)`;
    orderParams.push(`${first}%`);
  }
  for (const code of search.allergen ?? []) {
    where.push(
      `EXISTS (SELECT 1 FROM food_tags t WHERE t.ndb = f.ndb AND t.kind = 'allergen' AND t.code = ?)`,
    );
    params.push(code);
  }
  for (const code of search.tag ?? []) {
    where.push(
      `EXISTS (SELECT 1 FROM food_tags t WHERE t.ndb = f.ndb AND t.kind = 'group' AND t.code = ?)`,
    );
    params.push(code);
  }
  for (const code of search.free ?? []) {
    where.push(`NOT EXISTS (SELECT 1 FROM food_tags t WHERE t.ndb = f.ndb AND t.code = ?)`);
    params.push(code);
  }
  if (search.inflammation) {
    where.push('f.inflammation_class = ?');
    params.push(search.inflammation);
  }
  if (search.group) {
    where.push('f.group_code = ?');
    params.push(search.group);
  }
  const {
    rows: page,
    nextCursor,
    total,
  } = queryPage<{
    ndb: string;
    name: string;
    groupCode: string;
    groupName: string;
    energyKcal: number | null;
    proteinG: number | null;
    inflammation: string;
    inflammationEvidence: string;
  }>(db, {
    select: `f.ndb, f.name, f.group_code AS groupCode, f.group_name AS groupName, f.energy_kcal AS energyKcal,
       f.protein_g AS proteinG, f.inflammation_class AS inflammation,
       f.inflammation_evidence AS inflammationEvidence`,
    from,
    where,
    params,
    order,
    orderParams,
    limit: search.limit,
    cursor: search.cursor,
  });
  const tags = tagsFor(
    db,
    page.map((r) => r.ndb),
  );
  return {
    items: page.map((r) => {
      const t = tags.get(r.ndb) ?? [];
      return {
        ndb: r.ndb,
        name: r.name,
        group: { code: r.groupCode, name: r.groupName },
        energyKcal: r.energyKcal,
        proteinG: r.proteinG,
        inflammation: r.inflammation,
        inflammationEvidence: r.inflammationEvidence,
        allergens: t
          .filter((x) => x.kind === 'allergen')
          .map(({ code, certainty }) => ({ code, certainty })),
        tags: t
          .filter((x) => x.kind === 'group')
          .map(({ code, certainty }) => ({ code, certainty })),
      };
    }),
    nextCursor,
    total,
  };
}

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
  allergens: { code: string; certainty: string; rationale: string; source: string }[];
  tags: {
    code: string;
    certainty: string;
    rationale: string;
    source: string;
    greenMaxG?: number;
    subgroupsAbove?: string[];
  }[];
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

function fodmapOf(db: Db, ndb: string, tags: TagRow[]): FoodFodmap | null {
  const row = db.$client
    .prepare(
      `SELECT table_food AS food, green_max_g AS greenMaxG, amber_from_g AS amberFromG, red_from_g AS redFromG,
       subgroups_above AS subgroupsAbove, unlimited, tier, source, note, match_note AS matchNote
       FROM food_fodmap_serves WHERE ndb = ?`,
    )
    .get(ndb) as
    | (Omit<NonNullable<FoodFodmap['servingTable']>, 'subgroupsAbove' | 'unlimited'> & {
        subgroupsAbove: string;
        unlimited: number;
      })
    | undefined;
  const servingTable = row
    ? {
        ...row,
        subgroupsAbove: JSON.parse(row.subgroupsAbove) as TableSubgroup[],
        unlimited: row.unlimited === 1,
      }
    : null;
  const summary = describeServes(
    servingTable,
    tags.filter((t) => t.kind === 'group').map((t) => ({ code: t.code, certainty: 'contains' })),
  );
  if (summary === null) return null;
  return { summary, servingTable, disclaimer: SERVING_DISCLAIMER };
}

export function getFoodByNdb(db: Db, ndb: string): FoodDetail | null {
  const row = db.$client.prepare('SELECT * FROM foods WHERE ndb = ?').get(ndb) as
    | Record<string, string | number | null>
    | undefined;
  if (!row) return null;
  const measures = db.$client
    .prepare('SELECT seq, amount, label, grams FROM food_measures WHERE ndb = ? ORDER BY seq')
    .all(ndb) as FoodDetail['measures'];
  const tags = tagsFor(db, [ndb]).get(ndb) ?? [];
  const strip = ({ code, certainty, rationale, source, green_max_g, subgroups_above }: TagRow) => ({
    code,
    certainty,
    rationale,
    source,
    // FODMAP tags with a green serve only: grams per sitting and the subgroups above it
    ...(green_max_g !== null ? { greenMaxG: green_max_g } : {}),
    ...(subgroups_above !== null
      ? { subgroupsAbove: JSON.parse(subgroups_above) as string[] }
      : {}),
  });
  return {
    ndb,
    name: String(row.name),
    group: { code: String(row.group_code), name: String(row.group_name) },
    longDesc: String(row.long_desc),
    commonNames: String(row.common_names),
    manufacturer: String(row.manufacturer),
    sciName: String(row.sci_name),
    refusePct: row.refuse_pct === null ? null : Number(row.refuse_pct),
    nutrientsPer100g: JSON.parse(String(row.nutrients)),
    measures,
    allergens: tags.filter((t) => t.kind === 'allergen').map(strip),
    tags: tags.filter((t) => t.kind === 'group').map(strip),
    inflammation: {
      class: String(row.inflammation_class),
      rationale: String(row.inflammation_rationale),
      evidence: String(row.inflammation_evidence),
      source: String(row.inflammation_source),
    },
    derivation: derivationOf(db, row),
    fodmap: fodmapOf(db, ndb, tags),
  };
}

function derivationOf(
  db: Db,
  row: Record<string, string | number | null>,
): FoodDetail['derivation'] {
  if (row.derived_from === null || row.derived_from === undefined) return null;
  const parentNdb = String(row.derived_from);
  const parent = db.$client.prepare('SELECT name FROM foods WHERE ndb = ?').get(parentNdb) as
    | { name: string }
    | undefined;
  return {
    parent: { ndb: parentNdb, name: parent?.name ?? parentNdb },
    text: String(row.derivation ?? ''),
  };
}

/** Display names of the given foods (unknown NDB numbers are left out). */
export function foodNames(db: Db, ndbs: string[]): Map<string, string> {
  const unique = [...new Set(ndbs)];
  if (unique.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT ndb, name FROM foods WHERE ndb IN (${unique.map(() => '?').join(',')})`)
    .all(...unique) as { ndb: string; name: string }[];
  return new Map(rows.map((r) => [r.ndb, r.name]));
}

/** How many foods come from SR21 and how many are derived from an SR21 parent. */
export function countFoodsBySource(db: Db): { sr21: number; derived: number } {
  return db.$client
    .prepare(
      'SELECT count(*) - count(derived_from) AS sr21, count(derived_from) AS derived FROM foods',
    )
    .get() as { sr21: number; derived: number };
}

export function listFoodGroups(db: Db): { code: string; name: string; count: number }[] {
  return db.$client
    .prepare(
      'SELECT group_code AS code, group_name AS name, count(*) AS count FROM foods GROUP BY group_code ORDER BY group_code',
    )
    .all() as { code: string; name: string; count: number }[];
}
