import { accountOf } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

export const GET = authed(async (_request: Request, _context, caller) =>
  Response.json(await accountOf(getDb(), caller)),
);
