import { getDb } from '@/db/client';
import { getFoodByNdb } from '@/db/queries/foods';
import { getProfileById } from '@/db/queries/profiles';
import { setPantryChoice } from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { handle, parsePathParam } from '@/lib/http/parse';
import { ndbSchema } from '@/lib/validation/common';
import { idParamSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; ndb: string }> };

async function target(context: Ctx): Promise<{ profileId: number; ndb: string }> {
  const { id, ndb } = await context.params;
  const profileId = parsePathParam('id', idParamSchema('id'), id);
  const food = parsePathParam('ndb', ndbSchema, ndb);
  const db = getDb();
  if (!getProfileById(db, profileId)) throw AppError.notFound('Profile', String(profileId));
  if (!getFoodByNdb(db, food)) throw AppError.notFound('Food', food);
  return { profileId: profileId, ndb: food };
}

/** The user's explicit choice beats the default pantry rules, both ways. */
function choose(inPantry: boolean) {
  return handle(async (_request: Request, context: Ctx) => {
    const { profileId, ndb } = await target(context);
    setPantryChoice(getDb(), profileId, ndb, inPantry);
    return Response.json({ profileId, ndb, inPantry });
  });
}

export const PUT = choose(true);
export const DELETE = choose(false);
