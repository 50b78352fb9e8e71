import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteSelect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';

export type PageRequest = {
  limit: number;
  /** Opaque to clients: an offset today. */
  cursor?: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** `count(*)` as a number on both engines (PostgreSQL's is a bigint, read as a string). */
export function countAll(): SQL<number> {
  return sql<number>`cast(count(*) as integer)`.mapWith(Number);
}

/** How many rows of `table` pass `where`. */
export async function countRows(
  db: Db,
  table: SQLiteTable,
  where: SQL | undefined,
): Promise<number> {
  const [row] = await db.orm.select({ n: countAll() }).from(table).where(where);
  return row?.n ?? 0;
}

/**
 * One page of a list and the list's total. `rows` is the list's select (tables, joins and
 * filters); `count` counts the same rows. `orderBy` must be total, ending with the primary
 * key, so both engines page identically. One extra row tells whether a next page exists; a
 * list that ends on this page is not counted again.
 */
export async function pageOf<Q extends SQLiteSelect>(
  request: PageRequest,
  list: { rows: Q; orderBy: (SQLiteColumn | SQL)[]; count: () => Promise<number> },
): Promise<Page<Awaited<Q>[number]>> {
  const offset = request.cursor ? Number(request.cursor) : 0;
  const rows = await list.rows
    .orderBy(...list.orderBy)
    .limit(request.limit + 1)
    .offset(offset);
  const more = rows.length > request.limit;
  const ended = rows.length > 0 || offset === 0;
  return {
    items: rows.slice(0, request.limit),
    nextCursor: more ? String(offset + request.limit) : null,
    total: more || !ended ? await list.count() : offset + rows.length,
  };
}

/** Rows grouped into lists by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}
