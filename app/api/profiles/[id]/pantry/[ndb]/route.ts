import type { Caller } from '@/app/_server/auth/caller';
import { requireProfileAccess } from '@/app/_server/use-cases/access';
import { choosePantry } from '@/app/_server/use-cases/profiles';
import { authed } from '@/app/api/_lib/authed';
import { getDb } from '@/db/client';
import { parsePathParam } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

/** The user's explicit choice beats the default pantry rules, both ways. */
function choose(inPantry: boolean) {
  return authed(async (_request: Request, context: Ctx, caller: Caller) => {
    const { id, ndb: rawNdb } = await context.params;
    const profileId = parsePathParam('id', idParamSchema('id'), id);
    const ndb = parsePathParam('ndb', ndbSchema, rawNdb);
    await requireProfileAccess(getDb(), caller, profileId, 'write');
    await choosePantry(getDb(), profileId, ndb, inPantry);
    return Response.json({ profileId, ndb, inPantry });
  });
}

export const PUT = choose(true);
export const DELETE = choose(false);
