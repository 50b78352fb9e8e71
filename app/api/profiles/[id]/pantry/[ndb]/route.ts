import { choosePantry } from '@/app/_server/use-cases/profiles';
import { getDb } from '@/db/client';
import { handle, parsePathParam } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

/** The user's explicit choice beats the default pantry rules, both ways. */
function choose(inPantry: boolean) {
  return handle(async (_request: Request, context: Ctx) => {
    const { id, ndb: rawNdb } = await context.params;
    const profileId = parsePathParam('id', idParamSchema('id'), id);
    const ndb = parsePathParam('ndb', ndbSchema, rawNdb);
    await choosePantry(getDb(), profileId, ndb, inPantry);
    return Response.json({ profileId, ndb, inPantry });
  });
}

export const PUT = choose(true);
export const DELETE = choose(false);
