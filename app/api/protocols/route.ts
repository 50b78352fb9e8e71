import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { listProtocols } from '@/db/queries/protocols';

export const dynamic = 'force-dynamic';

/** Every protocol and everyday diet with its phases and rules. */
export const GET = authed(async () => Response.json({ items: await listProtocols(getDb()) }));
