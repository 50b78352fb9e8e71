import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { jsonRequest, useFreshDatabase } from '../support/db';

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
      new Request(`http://localhost/api/plans/${planId}/shopping-list?${query}`),
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

    // The servings trap: lock every meal, double the household, regenerate: every line doubles.
    const plan = (await (await getPlan(new Request('http://localhost'), pctx(planId))).json()) as {
      days: { meals: { id: string }[] }[];
    };
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
    const doubled = await list(planId);
    const orig = new Map(after.items.map((i) => [i.ndb, i.grams]));
    expect(doubled.items.map((i) => i.ndb).sort()).toEqual([...orig.keys()].sort());
    for (const i of doubled.items) expect(i.grams).toBeCloseTo((orig.get(i.ndb) ?? 0) * 2, 3);
  });

  it('moves a food in and out of the pantry; the explicit choice wins', async () => {
    const l = await list(planId);
    const item = l.items.find((i) => !i.inPantry)!;
    const ctx = { params: Promise.resolve({ id: String(profileId), ndb: item.ndb }) };
    expect((await pantryIn(new Request('http://localhost', { method: 'PUT' }), ctx)).status).toBe(
      200,
    );
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.inPantry).toBe(true);
    expect(
      (
        await pantryOut(new Request('http://localhost', { method: 'DELETE' }), {
          params: Promise.resolve({ id: String(profileId), ndb: item.ndb }),
        })
      ).status,
    ).toBe(200);
    expect((await list(planId)).items.find((i) => i.ndb === item.ndb)?.inPantry).toBe(false);
    expect(
      (
        await pantryIn(new Request('http://localhost'), {
          params: Promise.resolve({ id: String(profileId), ndb: '99999' }),
        })
      ).status,
    ).toBe(404);
  });

  it('exports CSV that a CSV parser reads back as the same items', async () => {
    const l = await list(planId);
    const res = await shoppingList(
      new Request(`http://localhost/api/plans/${planId}/shopping-list?format=csv`),
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
      new Request(`http://localhost/api/plans/${planId}/export?format=ics`),
      pctx(planId),
    );
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toContain('villi-plan-2026-11-30.ics');
    const comp = new ICAL.Component(ICAL.parse(await ics.text()));
    const events = comp.getAllSubcomponents('vevent');
    expect(events).toHaveLength(28);
    const md = await exportPlan(
      new Request(`http://localhost/api/plans/${planId}/export?format=md`),
      pctx(planId),
    );
    expect(await md.text()).toContain('#');
    const json = await exportPlan(
      new Request(`http://localhost/api/plans/${planId}/export?format=json`),
      pctx(planId),
    );
    expect(json.headers.get('content-type')).toContain('application/json');
    const bad = await exportPlan(
      new Request(`http://localhost/api/plans/${planId}/export?format=pdf`),
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
      new Request(`http://localhost/api/plans/${planId}/shopping-list?aisles=garden`),
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
          new Request(`http://localhost/api/plans/${planId}/shopping-list?units=imperial`),
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
