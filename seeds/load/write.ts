import { getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';

/** Rows per INSERT: well inside both engines' limits on bound parameters. */
export const CHUNK_ROWS = 500;

export function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts `rows` into `table`, a chunk per statement. */
export async function insertChunked<T extends SQLiteTable>(
  tx: Db,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  for (const chunk of chunks(rows)) await tx.orm.insert(table).values(chunk);
}

/**
 * `SET column = excluded.column` for every column outside the key: the upsert rewrites the
 * whole row from the seed. Valid on SQLite and PostgreSQL alike.
 */
export function replaceFromExcluded(
  table: SQLiteTable,
  key: readonly string[],
): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([, column]) => !key.includes(column.name))
      .map(([name, column]) => [name, sql`excluded.${sql.identifier(column.name)}`]),
  );
}

/**
 * Upserts `rows` on their primary key `key`, rewriting every other column, and deletes the rows
 * that reference them through `children` (foreign-key columns), a chunk at a time, so the
 * caller can insert the children afresh.
 */
export async function upsertClearingChildren<T extends SQLiteTable>(
  tx: Db,
  table: T,
  key: SQLiteColumn,
  rows: T['$inferInsert'][],
  keyOf: (row: T['$inferInsert']) => string,
  children: readonly SQLiteColumn[],
): Promise<void> {
  const set = replaceFromExcluded(table, [key.name]);
  for (const chunk of chunks(rows)) {
    await tx.orm.insert(table).values(chunk).onConflictDoUpdate({ target: key, set });
    const keys = chunk.map(keyOf);
    for (const child of children) await tx.orm.delete(child.table).where(inArray(child, keys));
  }
}

/**
 * Replaces every row of a full-text table with `rows` (values in `columns` order). Raw SQL
 * because the tables are outside the typed schema: FTS5 virtual tables on SQLite, plain tables
 * with a generated tsvector on PostgreSQL.
 */
export async function replaceFtsRows(
  tx: Db,
  table: 'foods_fts' | 'recipes_fts',
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<void> {
  const name = sql.identifier(table);
  await tx.rows(sql`DELETE FROM ${name}`);
  const names = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (const chunk of chunks(rows)) {
    const values = chunk.map(
      (row) =>
        sql`(${sql.join(
          row.map((v) => sql`${v}`),
          sql`, `,
        )})`,
    );
    await tx.rows(sql`INSERT INTO ${name} (${names}) VALUES ${sql.join(values, sql`, `)}`);
  }
}
