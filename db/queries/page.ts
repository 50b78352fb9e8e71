import type { Db } from '../client';

export type PageQuery = {
  select: string;
  from: string;
  where: string[];
  params: (string | number)[];
  order: string;
  /** Parameters used by ORDER BY, bound after the WHERE ones. */
  orderParams?: (string | number)[];
  limit: number;
  /** Opaque to clients: an offset today. */
  cursor?: string;
};

/** One page of a filtered list, its total and the cursor of the next page (one extra row tells). */
export function queryPage<T>(
  db: Db,
  q: PageQuery,
): { rows: T[]; nextCursor: string | null; total: number } {
  const whereSql = q.where.length > 0 ? `WHERE ${q.where.join(' AND ')}` : '';
  const offset = q.cursor ? Number(q.cursor) : 0;
  const { n: total } = db.$client
    .prepare(`SELECT count(*) AS n FROM ${q.from} ${whereSql}`)
    .get(...q.params) as {
    n: number;
  };
  const rows = db.$client
    .prepare(`SELECT ${q.select} FROM ${q.from} ${whereSql} ORDER BY ${q.order} LIMIT ? OFFSET ?`)
    .all(...q.params, ...(q.orderParams ?? []), q.limit + 1, offset) as T[];
  return {
    rows: rows.slice(0, q.limit),
    nextCursor: rows.length > q.limit ? String(offset + q.limit) : null,
    total,
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
