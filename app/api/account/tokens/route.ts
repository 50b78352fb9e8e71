import { TOKENS_MADE, takeAttempt } from '@/app/_server/auth/rate-limit';
import { apiTokensOf, createApiToken } from '@/app/_server/use-cases/accounts';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { tokenCreateSchema } from '@/lib/validation/accounts';

export const dynamic = 'force-dynamic';

export const GET = authed(async (_request: Request, _context, caller) =>
  Response.json({ items: await apiTokensOf(getDb(), caller.userId) }),
);

/** The token is in this answer only; the server keeps its SHA-256. */
export const POST = authed(async (request: Request, _context, caller) => {
  const { name } = await parseJsonBody(request, tokenCreateSchema);
  const db = getDb();
  await takeAttempt(db, `tokens:${caller.userId}`, TOKENS_MADE);
  return Response.json(await createApiToken(db, caller.userId, name), { status: 201 });
});
