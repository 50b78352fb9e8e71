import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PATCH as checkItem } from '@/app/api/plans/[id]/shopping-list/items/[ndb]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { PUT as pantryIn } from '@/app/api/profiles/[id]/pantry/[ndb]/route';
import {
  DELETE as deleteProfileRoute,
  GET as getProfileRoute,
  PATCH as patchProfile,
} from '@/app/api/profiles/[id]/route';
import { POST as createProfileRoute } from '@/app/api/profiles/route';
import { type Db, getDb } from '@/db/client';
import { getProfileById, listProfiles } from '@/db/queries/profiles';
import { DEFAULT_MAX_MINUTES, DEFAULT_MEAL_TIMES } from '@/lib/profiles/schema';
import { authedRequest, jsonRequest, testHouseholdId, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const ictx = (id: number, ndb: string) => ({ params: Promise.resolve({ id: String(id), ndb }) });

/** A profile row as an early version of Villi wrote it, before several fields existed. */
const OLD_DATA = {
  name: 'Written long ago',
  householdSize: 2,
  protocol: 'whole30',
  phase: 'elimination',
  allergens: ['peanut'],
  avoid: [],
  diet: 'omnivore',
  dislikes: [],
  energyKcal: null,
  body: { sex: 'female', ageYears: 40, heightCm: 165, weightKg: 62, activity: 'light' },
  proteinG: null,
  fiberG: null,
  slots: ['breakfast', 'lunch', 'dinner'],
  leftovers: true,
  carbsPerMealG: null,
  // a field later versions dropped
  cuisinePreference: 'any',
};

async function insertRaw(db: Db, name: string, data: Record<string, unknown>): Promise<number> {
  const now = '2024-01-01T00:00:00.000Z';
  const householdId = await testHouseholdId(db);
  const rows = await db.transaction((tx) =>
    tx.orm
      .insert(tx.t.profiles)
      .values({ name, data, createdAt: now, updatedAt: now, householdId })
      .returning({ id: tx.t.profiles.id }),
  );
  return rows[0]!.id;
}

async function countWhere(db: Db, table: 'plans' | 'profilePantry', profileId: number) {
  const t = db.t[table];
  return (await db.orm.select().from(t).where(eq(t.profileId, profileId))).length;
}

let db: Db;

beforeAll(async () => {
  await useFreshDatabase();
  db = getDb();
});

describe('profiles as stored', () => {
  it('reads an old row with the fields added since at their defaults', async () => {
    const id = await insertRaw(db, OLD_DATA.name, OLD_DATA);
    const profile = await getProfileById(db, id);
    expect(profile).not.toBeNull();
    expect(profile).toMatchObject({
      id,
      name: 'Written long ago',
      householdSize: 2,
      protocol: 'whole30',
      allergens: ['peanut'],
      leftovers: true,
      dislikedConcepts: [],
      clinicianSupervised: false,
      maxMinutes: DEFAULT_MAX_MINUTES,
      mealTimes: DEFAULT_MEAL_TIMES,
      body: { sex: 'female', ageYears: 40, pregnant: false, lactating: false },
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    expect(profile).not.toHaveProperty('cuisinePreference');
    // targets are computed from the body, nutrient targets resolved from the DRIs
    expect(profile!.targets.energyKcal).toBeGreaterThan(1200);
    expect(profile!.nutrientTargets).toMatchObject({
      lifeStage: 'female 31-50',
      targets: { calciumMg: { source: 'default' } },
    });
    expect((await listProfiles(db, await testHouseholdId(db))).map((p) => p.id)).toContain(id);
  });

  it('patches an old row: the stored body is rewritten whole, with its defaults', async () => {
    const id = await insertRaw(db, 'Old, patched', { ...OLD_DATA, name: 'Old, patched' });
    const res = await patchProfile(jsonRequest('/', 'PATCH', { leftovers: false }), pctx(id));
    expect(res.status).toBe(200);
    const rows = await db.orm.select().from(db.t.profiles).where(eq(db.t.profiles.id, id));
    expect(rows[0]!.data).toMatchObject({
      leftovers: false,
      clinicianSupervised: false,
      nutrientTargets: {},
      mealTimes: DEFAULT_MEAL_TIMES,
    });
    expect(rows[0]!.data).not.toHaveProperty('cuisinePreference');
    expect(rows[0]!.updatedAt).not.toBe('2024-01-01T00:00:00.000Z');
  });

  it('answers a damaged row with the generic 500, never a parse of garbage', async () => {
    const id = await insertRaw(db, 'Damaged', { name: 'Damaged', householdSize: 'many' });
    await expect(getProfileById(db, id)).rejects.toThrow(
      /profile \d+ holds data that does not parse/,
    );
    // the server log gets the cause; the client the generic body
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await getProfileRoute(authedRequest('http://localhost'), pctx(id));
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal_error');
    await db.transaction((tx) => tx.orm.delete(tx.t.profiles).where(eq(tx.t.profiles.id, id)));
  });

  it('refuses a patch naming unknown foods and leaves the profile as it was', async () => {
    const created = await createProfileRoute(
      jsonRequest('/api/profiles', 'POST', { name: 'Careful', dislikes: ['01001'] }),
    );
    expect(created.status).toBe(201);
    const { id, updatedAt } = (await created.json()) as { id: number; updatedAt: string };
    const res = await patchProfile(
      jsonRequest('/', 'PATCH', { name: 'Renamed', dislikes: ['01001', '00000'] }),
      pctx(id),
    );
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { fieldErrors: Record<string, string[]> } }).error
        .fieldErrors,
    ).toEqual({ dislikes: ['unknown food 00000'] });
    const after = await getProfileById(db, id);
    expect(after).toMatchObject({ name: 'Careful', dislikes: ['01001'], updatedAt });
    const unknownConcept = await patchProfile(
      jsonRequest('/', 'PATCH', { dislikedConcepts: ['dragon-fruit-of-mars'] }),
      pctx(id),
    );
    expect(unknownConcept.status).toBe(400);
    expect(await getProfileById(db, id)).toMatchObject({ dislikedConcepts: [] });
  });

  it('answers 404 for a profile that is not there, on every route', async () => {
    const missing = 999_999;
    expect((await getProfileRoute(authedRequest('http://localhost'), pctx(missing))).status).toBe(
      404,
    );
    expect(
      (await patchProfile(jsonRequest('/', 'PATCH', { leftovers: true }), pctx(missing))).status,
    ).toBe(404);
    expect(
      (await deleteProfileRoute(authedRequest('http://localhost'), pctx(missing))).status,
    ).toBe(404);
    expect((await pantryIn(authedRequest('http://localhost'), ictx(missing, '11507'))).status).toBe(
      404,
    );
  });

  it('deletes a profile with its plans, shopping checks and pantry choices', async () => {
    const created = await createProfileRoute(
      jsonRequest('/api/profiles', 'POST', {
        name: 'Leaving',
        protocol: 'whole30',
        ...ROOMY_LIMITS,
      }),
    );
    const { id } = (await created.json()) as { id: number };
    const plan = await createPlan(
      jsonRequest('/api/plans', 'POST', { profileId: id, weekStart: '2026-03-02', seed: 3 }),
    );
    expect(plan.status).toBe(201);
    const planId = ((await plan.json()) as { id: number }).id;
    const list = (await (
      await shoppingList(authedRequest('http://localhost'), pctx(planId))
    ).json()) as { items: { ndb: string }[] };
    const ndb = list.items[0]!.ndb;
    expect(
      (await checkItem(jsonRequest('/', 'PATCH', { checked: true }), ictx(planId, ndb))).status,
    ).toBe(200);
    expect((await pantryIn(authedRequest('http://localhost'), ictx(id, ndb))).status).toBe(200);
    const { shoppingChecks: sc, planMeals: pm } = db.t;
    expect(await countWhere(db, 'plans', id)).toBe(1);
    expect(await countWhere(db, 'profilePantry', id)).toBe(1);
    expect(await db.orm.select().from(sc).where(eq(sc.planId, planId))).toHaveLength(1);

    const res = await deleteProfileRoute(authedRequest('http://localhost'), pctx(id));
    expect(res.status).toBe(204);
    expect(await getProfileById(db, id)).toBeNull();
    expect(await countWhere(db, 'plans', id)).toBe(0);
    expect(await countWhere(db, 'profilePantry', id)).toBe(0);
    expect(await db.orm.select().from(sc).where(eq(sc.planId, planId))).toHaveLength(0);
    expect(await db.orm.select().from(pm).where(eq(pm.planId, planId))).toHaveLength(0);
    expect((await deleteProfileRoute(authedRequest('http://localhost'), pctx(id))).status).toBe(
      404,
    );
  });

  it('refuses a pantry choice for a food the catalog does not have, writing nothing', async () => {
    const created = await createProfileRoute(
      jsonRequest('/api/profiles', 'POST', { name: 'Pantry' }),
    );
    const { id } = (await created.json()) as { id: number };
    const res = await pantryIn(authedRequest('http://localhost'), ictx(id, '00000'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Food 00000 was not found',
    );
    expect(await countWhere(db, 'profilePantry', id)).toBe(0);
  });
});
