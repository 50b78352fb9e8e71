import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAlternatives } from '@/app/api/plans/[id]/meals/[mealId]/alternatives/route';
import { POST as swapMeal } from '@/app/api/plans/[id]/meals/[mealId]/swap/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { PATCH as checkItem } from '@/app/api/plans/[id]/shopping-list/items/[ndb]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';

type Item = { ndb: string; grams: number; meals: string[]; checked: boolean; changed: boolean };
type List = {
  items: Item[];
  lastChange: { added: string[]; changed: string[]; removed: string[] };
};

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const list = async (planId: number) =>
  (await (
    await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list`),
      pctx(planId),
    )
  ).json()) as List;

/** Lines whose amount or meals differ between two lists, and lines that are new. */
function linesThatChanged(before: List, after: List): Set<string> {
  const old = new Map(before.items.map((i) => [i.ndb, i]));
  const out = new Set<string>();
  for (const i of after.items) {
    const o = old.get(i.ndb);
    const sameMeals = o && [...o.meals].sort().join() === [...i.meals].sort().join();
    if (!o || Math.abs(o.grams - i.grams) > 0.01 || !sameMeals) out.add(i.ndb);
  }
  return out;
}

const marked = (l: List) => new Set([...l.lastChange.added, ...l.lastChange.changed]);

let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const p = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Marks',
      protocol: 'aip',
      householdSize: 2,
      leftovers: true,
    }),
  );
  const profileId = ((await p.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 21 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

describe('"changed by your last plan change" on the real catalog', () => {
  it('marks exactly the lines a swap changed, and keeps the checks of the others', async () => {
    const before = await list(planId);
    expect(marked(before).size).toBe(0);
    for (const item of before.items) {
      const res = await checkItem(jsonRequest('/', 'PATCH', { checked: true }), {
        params: Promise.resolve({ id: String(planId), ndb: item.ndb }),
      });
      expect(res.status).toBe(200);
    }

    const dinner = '2026-11-30-dinner';
    const mctx = { params: Promise.resolve({ id: String(planId), mealId: dinner }) };
    const alt = (await (await getAlternatives(authedRequest('http://localhost'), mctx)).json()) as {
      items: { recipeSlug: string }[];
    };
    const choice = alt.items[0];
    if (!choice) throw new Error(`no alternative for ${dinner}`);
    const swapped = await swapMeal(jsonRequest('/', 'POST', { recipeSlug: choice.recipeSlug }), {
      params: Promise.resolve({ id: String(planId), mealId: dinner }),
    });
    expect(swapped.status).toBe(200);

    const after = await list(planId);
    const changed = linesThatChanged(before, after);
    expect(changed.size).toBeGreaterThan(0);
    expect(changed.size).toBeLessThan(after.items.length);
    expect(marked(after)).toEqual(changed);

    const oldGrams = new Map(before.items.map((i) => [i.ndb, i.grams]));
    for (const i of after.items) {
      const old = oldGrams.get(i.ndb);
      const sameAmount = old !== undefined && Math.abs(old - i.grams) <= 0.01;
      // a check-off is for an amount: it stays while the amount is the same
      expect({ ndb: i.ndb, checked: i.checked }).toEqual({ ndb: i.ndb, checked: sameAmount });
    }
  });

  it('after the next change, marks only what that change did', async () => {
    const before = await list(planId);
    const res = await regenerate(
      jsonRequest('/', 'POST', { scope: 'day', date: '2026-12-05', seed: 9 }),
      pctx(planId),
    );
    expect(res.status).toBe(200);
    const after = await list(planId);
    expect(marked(after)).toEqual(linesThatChanged(before, after));
  });
});
