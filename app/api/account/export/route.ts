import { exportAccount } from '@/app/_server/use-cases/account-privacy';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** All the caller's data as a JSON download. */
export const GET = authed(async (_request: Request, _context, caller) => {
  const now = new Date();
  const body = await exportAccount(getDb(), caller, now);
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="villi-account-${now.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
