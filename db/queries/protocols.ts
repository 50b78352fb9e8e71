import 'server-only';
import type { Protocol } from '../../lib/protocols/schema';
import type { Db } from '../client';

export function listProtocols(db: Db): Protocol[] {
  const rows = db.$client.prepare('SELECT data FROM protocols ORDER BY position').all() as {
    data: string;
  }[];
  return rows.map((r) => JSON.parse(r.data) as Protocol);
}

export function getProtocolById(db: Db, id: string): Protocol | null {
  const row = db.$client.prepare('SELECT data FROM protocols WHERE id = ?').get(id) as
    | { data: string }
    | undefined;
  return row ? (JSON.parse(row.data) as Protocol) : null;
}
