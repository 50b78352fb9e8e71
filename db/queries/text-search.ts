/**
 * Full-text search of the food and recipe lists: the one place that knows both engines.
 * SQLite ranks with FTS5's bm25 over `foods_fts` / `recipes_fts`; PostgreSQL with ts_rank over
 * the `document` tsvector of the tables of the same names (name weighted A, then B, then C).
 * Every word of the text must match as a prefix ("appl" finds "Apples"); the words are bound as
 * parameters, never spliced into SQL.
 */
import { asc, desc, eq, inArray, type SQL, type Subquery, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';

/** The words of a search text, lower-cased: letters and digits only, at most 8. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** FTS5 query: each word quoted (never read as FTS5 syntax) and a prefix: `"appl"* "raw"*`. */
export function fts5Query(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

/** tsquery text: each word quoted and a prefix, all required: `'appl':* & 'raw':*`. */
export function tsQueryText(words: string[]): string {
  return words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ');
}

/**
 * ts_rank weights {D, C, B, A}: the same proportions as the bm25 column weights (name 10,
 * common names or description 2, ingredients 1).
 */
const TS_WEIGHTS = sql`'{0, 0.1, 0.2, 1}'`;
/**
 * ts_rank normalization 1 divides by 1 + log(document length): like bm25, a match in a short
 * document ranks higher (without it, ties fall to alphabetical order and the engines disagree).
 */
const TS_NORMALIZATION = sql`1`;

/**
 * A text search of one list, to combine with the list's filters: `matched` keeps the rows whose
 * document matches every word (for counting), `ranked` joins each matching row's rank by the
 * list's key, and `orderBy` is the list's best-first order (total). The rank is computed in
 * the subquery: FTS5's bm25 works only in the query that does the MATCH.
 */
export type TextSearch = {
  matched: SQL;
  ranked: { table: Subquery; on: SQL };
  orderBy: SQL[];
};

type Source = { table: SQL; key: SQL; match: SQL; rank: SQL; best: 'asc' | 'desc' };

function textSearch(db: Db, listKey: SQLiteColumn, source: Source, orderBy: (rank: SQL) => SQL[]) {
  const keys = db.orm
    .select({ key: sql`${source.key}` })
    .from(source.table)
    .where(source.match);
  const sub = db.orm
    .select({
      key: sql<string>`${source.key}`.as('match_key'),
      rank: sql<number>`${source.rank}`.as('rank'),
    })
    .from(source.table)
    .where(source.match)
    .as('matches');
  return {
    matched: inArray(listKey, keys),
    ranked: { table: sub, on: eq(sub.key, listKey) },
    orderBy: orderBy(source.best === 'asc' ? asc(sub.rank) : desc(sub.rank)),
  };
}

/**
 * A full-text table: its name, the key column of its list, and its FTS5 rank with the column
 * weights as literals (bound weights make SQLite's bm25 half as fast).
 */
type FtsTable = { table: SQL; key: SQL; bm25: SQL };
const FOODS_FTS: FtsTable = {
  table: sql`foods_fts`,
  key: sql`foods_fts.ndb`,
  bm25: sql`bm25(foods_fts, 0, 10, 2)`,
};
const RECIPES_FTS: FtsTable = {
  table: sql`recipes_fts`,
  key: sql`recipes_fts.slug`,
  bm25: sql`bm25(recipes_fts, 0, 10, 2, 1)`,
};

/** The table's match of the words and its rank, on this engine. */
function sourceOf(db: Db, fts: FtsTable, words: string[]): Source {
  const { table, key } = fts;
  if (db.engine === 'sqlite') {
    return {
      table,
      key,
      match: sql`${table} MATCH ${fts5Query(words)}`,
      rank: fts.bm25,
      best: 'asc',
    };
  }
  const query = sql`to_tsquery('simple', ${tsQueryText(words)})`;
  return {
    table,
    key,
    match: sql`${table}.document @@ ${query}`,
    rank: sql`ts_rank(${TS_WEIGHTS}, ${table}.document, ${query}, ${TS_NORMALIZATION})`,
    best: 'desc',
  };
}

/**
 * The foods matching every word, best first: names that start with the first word, then raw
 * foods, then shorter (more basic) names, then the text rank (name over common names), then ndb.
 */
export function foodSearch(db: Db, words: [string, ...string[]]): TextSearch {
  const { foods } = db.t;
  return textSearch(db, foods.ndb, sourceOf(db, FOODS_FTS, words), (rank) => [
    desc(sql`lower(${foods.name}) like ${`${words[0]}%`}`),
    desc(sql`lower(${foods.name}) like '%, raw%'`),
    sql`length(${foods.name})`,
    rank,
    sql`${foods.ndb}`,
  ]);
}

/** The recipes matching every word, best first: name over description over ingredients. */
export function recipeSearch(db: Db, words: [string, ...string[]]): TextSearch {
  const { recipes } = db.t;
  return textSearch(db, recipes.slug, sourceOf(db, RECIPES_FTS, words), (rank) => [
    rank,
    sql`lower(${recipes.name})`,
    sql`${recipes.slug}`,
  ]);
}
