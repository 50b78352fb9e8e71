import { getDb } from '@/db/client';
import { listProtocols } from '@/db/queries/protocols';
import { handle } from '@/lib/http/parse';

export const dynamic = 'force-dynamic';

/** Every protocol and everyday diet with its phases and rules. */
export const GET = handle(async () => Response.json({ items: await listProtocols(getDb()) }));
