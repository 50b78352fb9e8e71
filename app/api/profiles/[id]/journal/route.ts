import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { createJournalEntry, listJournal } from '@/app/_server/use-cases/journal';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam, parseQuery } from '@/lib/http/parse';
import { journalCreateSchema, journalQuerySchema } from '@/lib/journal/schema';
import { idParamSchema } from '@/lib/validation/ids';
import { localIsoDate } from '../../../../_lib/week';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

async function profileId(context: Ctx): Promise<number> {
  const { id } = await context.params;
  return parsePathParam('id', idParamSchema('id'), id);
}

export const GET = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'read');
  const range = parseQuery(request.url, journalQuerySchema);
  return Response.json({ items: await listJournal(getDb(), id, range) });
});

export const POST = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const id = await profileId(context);
  await requireProfileAccess(getDb(), caller, id, 'write');
  const input = await parseJsonBody(request, journalCreateSchema);
  const now = new Date();
  const entry = await createJournalEntry(getDb(), id, input, now.toISOString(), localIsoDate(now));
  return Response.json(entry, { status: 201 });
});
