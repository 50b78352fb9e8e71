import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { deleteSessions } from '@/db/queries/accounts';

export const dynamic = 'force-dynamic';

/** Signs out everywhere: every session of the account ends (API tokens stay; revoke them apart). */
export const DELETE = authed(async (_request: Request, _context, caller) => {
  await deleteSessions(getDb(), caller.userId);
  return new Response(null, { status: 204 });
});
