import { beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '@/app/_lib/week';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { addDays } from '@/lib/planner/dates';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = {
  id: string;
  recipeSlug: string;
  servings: number;
  portion: number;
  locked: boolean;
  leftoverOf: string | null;
  cook: { recipeMultiple: number; servings: number } | null;
};
type Plan = { id: number; householdSize: number; days: { meals: Meal[] }[] };
type List = { items: { ndb: string; grams: number }[] };

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const mctx = (id: number, mealId: string) => ({
  params: Promise.resolve({ id: String(id), mealId }),
});
const meals = (p: Plan) => p.days.flatMap((d) => d.meals);
const read = async (id: number) =>
  (await (await getPlan(authedRequest('http://localhost'), pctx(id))).json()) as Plan;
const list = async (id: number) =>
  (await (await shoppingList(authedRequest('http://localhost'), pctx(id))).json()) as List;

let profileId: number;
/** Next week's plan (always current or future, whatever the date the test runs). */
let future: Plan;
/** A plan of a week long gone: it keeps the household it was made for. */
let past: Plan;

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      ...ROOMY_LIMITS,
      name: 'Two, then four',
      protocol: 'whole30',
      householdSize: 2,
      leftovers: true,
    }),
  );
  profileId = ((await res.json()) as { id: number }).id;
  const make = async (weekStart: string) => {
    const r = await createPlan(
      jsonRequest('/api/plans', 'POST', { profileId, weekStart, seed: 8 }),
    );
    expect(r.status).toBe(201);
    return (await r.json()) as Plan;
  };
  future = await make(addDays(mondayOf(new Date()), 7));
  past = await make('2020-01-06');
});

describe('PATCH householdSize rescales current and future plans', () => {
  it('2 → 4: same meals, locks, swaps and leftovers; servings double, shopping grams follow the whole or half recipes cooked', async () => {
    // A user's own choices first: a lock and a swap, which a regeneration could lose.
    const [first, second] = meals(future).filter((m) => !m.leftoverOf);
    expect(
      (await lockMeal(jsonRequest('/', 'PATCH', { locked: true }), mctx(future.id, first!.id)))
        .status,
    ).toBe(200);
    const alts = (await (
      await getAlternatives(authedRequest('http://localhost'), mctx(future.id, second!.id))
    ).json()) as { items: { recipeSlug: string }[] };
    const swapTo = alts.items[0]!.recipeSlug;
    expect(
      (
        await swapMeal(
          jsonRequest('/', 'POST', { recipeSlug: swapTo }),
          mctx(future.id, second!.id),
        )
      ).status,
    ).toBe(200);
    const before = await read(future.id);
    const beforeList = await list(future.id);
    const pastBefore = await read(past.id);
    expect(meals(before).some((m) => m.leftoverOf)).toBe(true);

    const res = await patchProfile(
      jsonRequest('/', 'PATCH', { householdSize: 4 }),
      pctx(profileId),
    );
    expect(res.status).toBe(200);

    const after = await read(future.id);
    expect(after.householdSize).toBe(4);
    const pick = (m: Meal) => [m.id, m.recipeSlug, m.locked, m.leftoverOf, m.portion];
    expect(meals(after).map(pick)).toEqual(meals(before).map(pick));
    expect(meals(after).find((m) => m.id === first!.id)?.locked).toBe(true);
    expect(meals(after).find((m) => m.id === second!.id)?.recipeSlug).toBe(swapTo);
    meals(after).forEach((m, i) => {
      const was = meals(before)[i]!;
      expect(m.servings).toBeCloseTo(was.servings * 2, 9);
      // whole or half recipes: twice the servings take at most twice the batch, never less
      if (m.cook === null || was.cook === null) {
        expect(m.cook).toBe(was.cook);
        return;
      }
      expect(m.cook.servings).toBeGreaterThanOrEqual(m.servings);
      expect(m.cook.recipeMultiple).toBeGreaterThanOrEqual(was.cook.recipeMultiple);
      expect(m.cook.recipeMultiple).toBeLessThanOrEqual(was.cook.recipeMultiple * 2);
    });
    const grams = new Map(beforeList.items.map((i) => [i.ndb, i.grams]));
    const afterList = await list(future.id);
    expect(afterList.items.map((i) => i.ndb).sort()).toEqual([...grams.keys()].sort());
    for (const i of afterList.items) {
      expect(i.grams).toBeGreaterThanOrEqual(grams.get(i.ndb)! - 1e-6);
      expect(i.grams).toBeLessThanOrEqual(grams.get(i.ndb)! * 2 + 1e-6);
    }

    expect(await read(past.id)).toEqual(pastBefore);
  });

  it('leaves plans alone when another field changes, and a refused patch changes nothing', async () => {
    const before = await read(future.id);
    expect(
      (await patchProfile(jsonRequest('/', 'PATCH', { name: 'Four' }), pctx(profileId))).status,
    ).toBe(200);
    expect(await read(future.id)).toEqual(before);
    const refused = await patchProfile(
      jsonRequest('/', 'PATCH', { householdSize: 3, diet: 'no-such-diet' }),
      pctx(profileId),
    );
    expect(refused.status).toBe(400);
    expect(await read(future.id)).toEqual(before);
  });
});
