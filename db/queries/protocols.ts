import 'server-only';
import { eq } from 'drizzle-orm';
import { type Protocol, protocolSchema } from '../../lib/protocols/schema';
import type { Db } from '../client';

/** Every protocol and diet in display order; an older row gets the schema's defaults. */
export async function listProtocols(db: Db): Promise<Protocol[]> {
  const { protocols } = db.t;
  const rows = await db.orm
    .select({ data: protocols.data })
    .from(protocols)
    .orderBy(protocols.position, protocols.id);
  return rows.map((r) => protocolSchema.parse(r.data));
}

export async function getProtocolById(db: Db, id: string): Promise<Protocol | null> {
  const { protocols } = db.t;
  const [row] = await db.orm
    .select({ data: protocols.data })
    .from(protocols)
    .where(eq(protocols.id, id))
    .limit(1);
  return row ? protocolSchema.parse(row.data) : null;
}
