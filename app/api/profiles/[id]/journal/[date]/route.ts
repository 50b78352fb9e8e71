import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { removeJournalEntry, updateJournalEntry } from '@/app/_server/use-cases/journal';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parseJsonBody, parsePathParam } from '@/lib/http/parse';
import { journalDateSchema, journalPatchSchema } from '@/lib/journal/schema';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; date: string }> };

async function entryParams(context: Ctx): Promise<{ profileId: number; date: string }> {
  const { id, date } = await context.params;
  return {
    profileId: parsePathParam('id', idParamSchema('id'), id),
    date: parsePathParam('date', journalDateSchema, date),
  };
}

export const PATCH = authed(async (request: Request, context: Ctx, caller: Caller) => {
  const { profileId, date } = await entryParams(context);
  await requireProfileAccess(getDb(), caller, profileId, 'write');
  const patch = await parseJsonBody(request, journalPatchSchema);
  const entry = await updateJournalEntry(getDb(), profileId, date, patch, new Date().toISOString());
  return Response.json(entry);
});

export const DELETE = authed(async (_request: Request, context: Ctx, caller: Caller) => {
  const { profileId, date } = await entryParams(context);
  await requireProfileAccess(getDb(), caller, profileId, 'write');
  await removeJournalEntry(getDb(), profileId, date);
  return new Response(null, { status: 204 });
});
