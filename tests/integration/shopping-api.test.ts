import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PLAN_WRITE_ATTEMPTS } from '@/app/_server/use-cases/plan-writes';
import { GET as exportPlan } from '@/app/api/plans/[id]/export/route';
import { PATCH as lockMeal } from '@/app/api/plans/[id]/meals/[mealId]/route';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { GET as getPlan } from '@/app/api/plans/[id]/route';
import { PATCH as checkItem } from '@/app/api/plans/[id]/shopping-list/items/[ndb]/route';
import { GET as shoppingList } from '@/app/api/plans/[id]/shopping-list/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { PUT as pantryIn, DELETE as pantryOut } from '@/app/api/profiles/[id]/pantry/[ndb]/route';
import { PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { claimPlanVersion, planVersion } from '@/db/queries/plan-version';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';

type Item = {
  ndb: string;
  name: string;
  aisle: string;
  grams: number;
  display: string;
  checked: boolean;
  inPantry: boolean;
  meals: string[];
};
type List = { planId: number; items: Item[]; totals: { items: number; toBuy: number } };

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const list = async (planId: number, query = '') =>
  (await (
    await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list?${query}`),
      pctx(planId),
    )
  ).json()) as List;

let profileId: number;
let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const p = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      name: 'Shopper',
      protocol: 'whole30',
      householdSize: 2,
      leftovers: true,
    }),
  );
  profileId = ((await p.json()) as { id: number }).id;
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: '2026-11-30', seed: 21 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

describe('shopping list', () => {
  it('has one line per food with the contract fields, and totals that add up', async () => {
    const l = await list(planId);
    expect(l.items.length).toBeGreaterThan(10);
    expect(new Set(l.items.map((i) => i.ndb)).size).toBe(l.items.length);
    for (const i of l.items) {
      expect(i).toMatchObject({
        ndb: expect.any(String),
        name: expect.any(String),
        aisle: expect.any(String),
        display: expect.any(String),
      });
      expect(i.grams).toBeGreaterThan(0);
      expect(i.meals.length).toBeGreaterThan(0);
    }
    expect(l.totals.items).toBe(l.items.length);
  });

  it('persists checks, and scales with household size after regeneration', async () => {
    const before = await list(planId);
    const item = before.items.find((i) => !i.inPantry)!;
    const res = await checkItem(jsonRequest('/', 'PATCH', { checked: true }), {
      params: Promise.resolve({ id: String(planId), ndb: item.ndb }),
    });
    expect(res.status).toBe(200);
    const after = await list(planId);
    expect(after.items.find((i) => i.ndb === item.ndb)?.checked).toBe(true);
    expect(after.totals.toBuy).toBe(before.totals.toBuy - 1);

    // The servings trap: lock every meal, double the household, regenerate: every meal's
    // servings double, and every line grows to at most twice (whole or half recipes are cooked,
    // so a doubled meal may eat a half recipe that was spare).
    type Week = { days: { meals: { id: string; servings: number }[] }[] };
    const readPlan = async () =>
      (await (await getPlan(authedRequest('http://localhost'), pctx(planId))).json()) as Week;
    const plan = await readPlan();
    for (const meal of plan.days.flatMap((d) => d.meals)) {
      const r = await lockMeal(jsonRequest('/', 'PATCH', { locked: true }), {
        params: Promise.resolve({ id: String(planId), mealId: meal.id }),
      });
      expect(r.status).toBe(200);
    }
    await patchProfile(jsonRequest('/', 'PATCH', { householdSize: 4 }), pctx(profileId));
    expect(
      (await regenerate(jsonRequest('/', 'POST', { scope: 'week', seed: 21 }), pctx(planId)))
        .status,
    ).toBe(200);
    const meals = (w: Week) => w.days.flatMap((d) => d.meals);
    const rescaled = meals(await readPlan());
    expect(rescaled.map((m) => m.id)).toEqual(meals(plan).map((m) => m.id));
    rescaled.forEach((m, i) => {
      expect(m.servings).toBeCloseTo(meals(plan)[i]!.servings * 2, 9);
    });
    const doubled = await list(planId);
    const orig = new Map(after.items.map((i) => [i.ndb, i.grams]));
    expect(doubled.items.map((i) => i.ndb).sort()).toEqual([...orig.keys()].sort());
    for (const i of doubled.items) {
      expect(i.grams).toBeGreaterThanOrEqual((orig.get(i.ndb) ?? 0) - 1e-6);
      expect(i.grams).toBeLessThanOrEqual((orig.get(i.ndb) ?? 0) * 2 + 1e-6);
    }
  });

  it('moves a food in and out of the pantry; the explicit choice wins', async () => {
    const l = await list(planId);
    const item = l.items.find((i) => !i.inPantry)!;
    const ctx = { params: Promise.resolve({ id: String(profileId), ndb: item.ndb }) };
    expect((await pantryIn(authedRequest('http://localhost', { method: 'PUT' }), ctx)).status).toBe(
      200,
    );
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.inPantry).toBe(true);
    expect(
      (
        await pantryOut(authedRequest('http://localhost', { method: 'DELETE' }), {
          params: Promise.resolve({ id: String(profileId), ndb: item.ndb }),
        })
      ).status,
    ).toBe(200);
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.inPantry).toBe(false);
    expect(
      (
        await pantryIn(authedRequest('http://localhost'), {
          params: Promise.resolve({ id: String(profileId), ndb: '99999' }),
        })
      ).status,
    ).toBe(404);
  });

  it('exports CSV that a CSV parser reads back as the same items', async () => {
    const l = await list(planId);
    const res = await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list?format=csv`),
      pctx(planId),
    );
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('villi-shopping-2026-11-30.csv');
    const rows = parseCsv(await res.text(), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(l.items.length);
  });

  it('exports the week as iCalendar with one event per meal, and as Markdown and JSON', async () => {
    const ics = await exportPlan(
      authedRequest(`http://localhost/api/plans/${planId}/export?format=ics`),
      pctx(planId),
    );
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toContain('villi-plan-2026-11-30.ics');
    const comp = new ICAL.Component(ICAL.parse(await ics.text()));
    const events = comp.getAllSubcomponents('vevent');
    expect(events).toHaveLength(28);
    const md = await exportPlan(
      authedRequest(`http://localhost/api/plans/${planId}/export?format=md`),
      pctx(planId),
    );
    expect(await md.text()).toContain('#');
    const json = await exportPlan(
      authedRequest(`http://localhost/api/plans/${planId}/export?format=json`),
      pctx(planId),
    );
    expect(json.headers.get('content-type')).toContain('application/json');
    const bad = await exportPlan(
      authedRequest(`http://localhost/api/plans/${planId}/export?format=pdf`),
      pctx(planId),
    );
    expect(bad.status).toBe(400);
  });

  it('follows a custom aisle order and rejects unknown aisles', async () => {
    type Sections = { aisles: { id: string }[] };
    const defaultOrder = ((await list(planId)) as unknown as Sections).aisles.map((a) => a.id);
    const last = defaultOrder.filter((id) => id !== 'in-pantry').at(-1)!;
    const custom = (await list(planId, `aisles=${last}`)) as unknown as Sections;
    expect(custom.aisles[0]?.id).toBe(last);
    const bad = await shoppingList(
      authedRequest(`http://localhost/api/plans/${planId}/shopping-list?aisles=garden`),
      pctx(planId),
    );
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error
        .fieldErrors,
    ).toHaveProperty('aisles');
  });

  it('rejects bad formats and unknown lines', async () => {
    expect(
      (
        await shoppingList(
          authedRequest(`http://localhost/api/plans/${planId}/shopping-list?units=imperial`),
          pctx(planId),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await checkItem(jsonRequest('/', 'PATCH', { checked: true }), {
          params: Promise.resolve({ id: String(planId), ndb: '99999' }),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await checkItem(jsonRequest('/', 'PATCH', { checked: 1 }), {
          params: Promise.resolve({ id: String(planId), ndb: '11507' }),
        })
      ).status,
    ).toBe(400);
  });
});

describe('checks are versioned writes to the plan', () => {
  const versionOf = (res: Response) => Number(/^"(\d+)"$/.exec(res.headers.get('etag') ?? '')?.[1]);
  const check = (ndb: string, checked: boolean, ifMatch?: string) => {
    const request = jsonRequest('/', 'PATCH', { checked });
    if (ifMatch !== undefined) request.headers.set('if-match', ifMatch);
    return checkItem(request, { params: Promise.resolve({ id: String(planId), ndb }) });
  };
  const listResponse = () =>
    shoppingList(authedRequest(`http://localhost/api/plans/${planId}/shopping-list`), pctx(planId));

  it('sends the plan version as the ETag of the list, and moves it on with each check', async () => {
    const res = await listResponse();
    const version = versionOf(res);
    expect(version).toBe(await planVersion(getDb(), planId));
    const item = ((await res.json()) as List).items.find((i) => !i.checked)!;

    const matched = await check(item.ndb, true, `"${version}"`);
    expect(matched.status).toBe(200);
    expect(versionOf(matched)).toBe(version + 1);
    expect(((await matched.json()) as Item).checked).toBe(true);

    // No If-Match: the check applies to the latest version and still moves it on.
    const unconditional = await check(item.ndb, false);
    expect(unconditional.status).toBe(200);
    expect(versionOf(unconditional)).toBe(version + 2);
    expect(versionOf(await listResponse())).toBe(version + 2);
  });

  it('refuses a check made against an older version with 412, changing nothing', async () => {
    const before = await list(planId);
    const item = before.items.find((i) => !i.checked)!;
    const current = (await planVersion(getDb(), planId))!;
    const res = await check(item.ndb, true, `"${current - 1}"`);
    expect(res.status).toBe(412);
    expect(await res.json()).toEqual({
      error: {
        code: 'precondition_failed',
        message: expect.stringContaining(`version ${current}`),
        details: { currentVersion: current },
      },
    });
    expect(await planVersion(getDb(), planId)).toBe(current);
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.checked).toBe(false);
    // a weak tag never matches (strong comparison); a list of tags matches any of them
    expect((await check(item.ndb, true, `W/"${current}"`)).status).toBe(412);
    expect((await check(item.ndb, true, `"${current - 1}", "${current}"`)).status).toBe(200);
    expect(await planVersion(getDb(), planId)).toBe(current + 1);
  });

  it('answers 404 for an unknown line of the current version, 412 when If-Match is stale', async () => {
    const current = (await planVersion(getDb(), planId))!;
    expect((await check('99999', true, `"${current}"`)).status).toBe(404);
    expect((await check('99999', true, `"${current - 1}"`)).status).toBe(412);
    expect(await planVersion(getDb(), planId)).toBe(current);
  });

  /** Makes another writer claim the plan's version just before the next transaction starts. */
  function raceOnce() {
    const db = getDb();
    const original = db.transaction.bind(db);
    const spy = vi.spyOn(db, 'transaction').mockImplementation(async (fn) => {
      spy.mockRestore();
      await original((tx) => claimPlanVersion(tx, planId, null));
      return original(fn);
    });
  }

  it('retries a check whose version another write claimed first, on the list as it then is', async () => {
    const db = getDb();
    const item = (await list(planId)).items.find((i) => !i.checked)!;
    const read = (await planVersion(db, planId))!;
    raceOnce();
    const res = await check(item.ndb, true);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${read + 2}"`);
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.checked).toBe(true);

    // The same race with If-Match naming the version read: 412 on the retry, nothing written.
    const next = (await list(planId)).items.find((i) => !i.checked)!;
    raceOnce();
    const refused = await check(next.ndb, true, `"${read + 2}"`);
    expect(refused.status).toBe(412);
    expect(((await refused.json()) as { error: { details: unknown } }).error.details).toEqual({
      currentVersion: read + 3,
    });
    expect(await planVersion(db, planId)).toBe(read + 3);
    expect((await list(planId)).items.find((i) => i.ndb === next.ndb)?.checked).toBe(false);
  });

  it('gives up with 409 when every try loses the version, writing nothing', async () => {
    const db = getDb();
    const item = (await list(planId)).items.find((i) => !i.checked)!;
    const original = db.transaction.bind(db);
    let tries = 0;
    const spy = vi.spyOn(db, 'transaction').mockImplementation(async (fn) => {
      tries++;
      await original((tx) => claimPlanVersion(tx, planId, null));
      return original(fn);
    });
    const res = await check(item.ndb, true);
    spy.mockRestore();
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('plan_busy');
    expect(tries).toBe(PLAN_WRITE_ATTEMPTS);
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.checked).toBe(false);
  });
});
