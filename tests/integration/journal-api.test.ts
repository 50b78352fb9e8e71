import { beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '@/app/_lib/week';
import {
  DELETE as deleteEntry,
  PATCH as patchEntry,
} from '@/app/api/profiles/[id]/journal/[date]/route';
import { GET as listJournal, POST as postEntry } from '@/app/api/profiles/[id]/journal/route';
import {
  DELETE as deleteProfile,
  GET as getProfile,
  PATCH as patchProfile,
} from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { type Db, getDb } from '@/db/client';
import { listJournalEntries } from '@/db/queries/journal';
import type { JournalEntry } from '@/lib/journal/schema';
import { addDays } from '@/lib/planner/dates';
import { authedRequest, jsonRequest, testHouseholdId, useFreshDatabase } from '../support/db';

type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    details?: unknown;
  };
};

const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const dctx = (id: number | string, date: string) => ({
  params: Promise.resolve({ id: String(id), date }),
});

const today = localIsoDate(new Date());
const calm = {
  bloating: 1,
  pain: 0,
  stool: 4,
  fatigue: 2,
  joints: 0,
  skin: 0,
  brainFog: 1,
  headache: 0,
  sleep: 2,
};

let db: Db;
let profileId: number;

async function newProfile(name: string): Promise<number> {
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', { name }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

function post(id: number | string, body: unknown): Promise<Response> {
  return postEntry(jsonRequest(`/api/profiles/${id}/journal`, 'POST', body), ctx(id));
}
function patch(id: number | string, date: string, body: unknown): Promise<Response> {
  return patchEntry(
    jsonRequest(`/api/profiles/${id}/journal/${date}`, 'PATCH', body),
    dctx(id, date),
  );
}
function remove(id: number | string, date: string): Promise<Response> {
  return deleteEntry(
    authedRequest(`http://localhost/api/profiles/${id}/journal/${date}`),
    dctx(id, date),
  );
}
async function list(id: number | string, query = ''): Promise<Response> {
  return listJournal(authedRequest(`http://localhost/api/profiles/${id}/journal${query}`), ctx(id));
}
async function items(id: number, query = ''): Promise<JournalEntry[]> {
  const res = await list(id, query);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: JournalEntry[] }).items;
}
async function errorOf(res: Response, status: number): Promise<ErrorBody['error']> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

beforeAll(async () => {
  await useFreshDatabase();
  db = getDb();
  profileId = await newProfile('Journal keeper');
});

describe('the symptom journal API', () => {
  it('creates a day, lists it newest first and reads it back as sent', async () => {
    const yesterday = addDays(today, -1);
    const res = await post(profileId, {
      date: yesterday,
      symptoms: calm,
      note: '  slept badly  ',
      meals: [{ mealId: `${yesterday}-lunch`, reaction: 'bloated an hour after lunch' }],
    });
    expect(res.status).toBe(201);
    const entry = (await res.json()) as JournalEntry;
    expect(entry).toMatchObject({
      date: yesterday,
      symptoms: calm,
      note: 'slept badly',
      meals: [{ mealId: `${yesterday}-lunch`, reaction: 'bloated an hour after lunch' }],
    });
    expect(entry.createdAt).toBe(entry.updatedAt);

    // stool may be left out (no bowel movement that day); the note and meals are optional
    const { stool: _, ...noStool } = calm;
    const second = await post(profileId, { date: today, symptoms: noStool });
    expect(second.status).toBe(201);
    expect(((await second.json()) as JournalEntry).symptoms.stool).toBeNull();

    const all = await items(profileId);
    expect(all.map((e) => e.date)).toEqual([today, yesterday]);
    expect(all[1]?.symptoms).toEqual(calm);
  });

  it('filters by from and to, both inclusive', async () => {
    const id = await newProfile('Range');
    for (const back of [0, 1, 2, 3]) {
      expect((await post(id, { date: addDays(today, -back), symptoms: calm })).status).toBe(201);
    }
    const from = addDays(today, -2);
    const to = addDays(today, -1);
    expect((await items(id, `?from=${from}&to=${to}`)).map((e) => e.date)).toEqual([to, from]);
    expect((await items(id, `?from=${today}`)).map((e) => e.date)).toEqual([today]);
    const bad = await errorOf(await list(id, `?from=${today}&to=${from}`), 400);
    expect(bad.fieldErrors?.from).toBeDefined();
    const notDate = await errorOf(await list(id, '?to=yesterday'), 400);
    expect(notDate.fieldErrors?.to).toBeDefined();
  });

  it('patches only what is sent and deletes a day', async () => {
    const date = addDays(today, -5);
    expect((await post(profileId, { date, symptoms: calm, note: 'first' })).status).toBe(201);
    const res = await patch(profileId, date, { symptoms: { pain: 6, stool: 6 } });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as JournalEntry;
    expect(patched.symptoms).toEqual({ ...calm, pain: 6, stool: 6 });
    expect(patched.note).toBe('first');
    expect(patched.updatedAt >= patched.createdAt).toBe(true);

    const cleared = (await (await patch(profileId, date, { note: null })).json()) as JournalEntry;
    expect(cleared.note).toBeNull();
    expect(cleared.symptoms.pain).toBe(6);

    expect((await remove(profileId, date)).status).toBe(204);
    expect((await items(profileId)).some((e) => e.date === date)).toBe(false);
    await errorOf(await remove(profileId, date), 404);
  });

  it('refuses a second entry for the same day with 409 and keeps the first', async () => {
    const date = addDays(today, -10);
    expect((await post(profileId, { date, symptoms: calm })).status).toBe(201);
    const err = await errorOf(await post(profileId, { date, symptoms: { ...calm, pain: 9 } }), 409);
    expect(err.code).toBe('journal_entry_exists');
    expect(err.details).toEqual({ date });
    const stored = (await items(profileId)).find((e) => e.date === date);
    expect(stored?.symptoms.pain).toBe(0);
  });

  it('refuses a date after today with 422 and saves nothing', async () => {
    const tomorrow = addDays(today, 1);
    const err = await errorOf(await post(profileId, { date: tomorrow, symptoms: calm }), 422);
    expect(err.code).toBe('future_date');
    expect(err.message).toContain(tomorrow);
    expect((await items(profileId)).some((e) => e.date === tomorrow)).toBe(false);
  });

  it.each([
    [
      'an unknown symptom',
      { symptoms: { ...calm, nausea: 3 } },
      'symptoms',
      /unknown symptom "nausea"/,
    ],
    ['a rating above 10', { symptoms: { ...calm, bloating: 11 } }, 'symptoms.bloating', /0 to 10/],
    [
      'a fractional rating',
      { symptoms: { ...calm, sleep: 2.5 } },
      'symptoms.sleep',
      /whole number/,
    ],
    ['a negative rating', { symptoms: { ...calm, pain: -1 } }, 'symptoms.pain', /0 to 10/],
    [
      'a Bristol type 8',
      { symptoms: { ...calm, stool: 8 } },
      'symptoms.stool',
      /Bristol type from 1 to 7/,
    ],
    ['a Bristol type 0', { symptoms: { ...calm, stool: 0 } }, 'symptoms.stool', /Bristol/],
    [
      'a missing rating',
      { symptoms: { ...calm, fatigue: undefined } },
      'symptoms.fatigue',
      /0 to 10/,
    ],
    ['a date that is no date', { date: '2026-02-30' }, 'date', /calendar date/],
    [
      'a meal of another day',
      { meals: [{ mealId: '2020-01-01-lunch', reaction: 'gas' }] },
      'meals.0.mealId',
      /not a meal of/,
    ],
    [
      'an empty reaction',
      { meals: [{ mealId: `${addDays(today, -20)}-lunch`, reaction: ' ' }] },
      'meals.0.reaction',
      /what happened/,
    ],
    ['an unknown field', { mood: 3 }, '_root', /mood/],
  ])(
    'refuses %s with 400 naming the field and saves nothing',
    async (_what, change, field, message) => {
      const before = await listJournalEntries(db, profileId);
      const body = { date: addDays(today, -20), symptoms: calm, ...change };
      const err = await errorOf(await post(profileId, body), 400);
      expect(err.code).toBe('invalid_request');
      expect(Object.keys(err.fieldErrors ?? {})).toContain(field);
      expect((err.fieldErrors?.[field] ?? []).join(' ')).toMatch(message);
      expect(await listJournalEntries(db, profileId)).toEqual(before);
    },
  );

  it('refuses a bad patch with 400 or 404 and leaves the entry as it was', async () => {
    const date = addDays(today, -30);
    expect((await post(profileId, { date, symptoms: calm })).status).toBe(201);
    const before = await listJournalEntries(db, profileId);

    const unknown = await errorOf(await patch(profileId, date, { symptoms: { nausea: 2 } }), 400);
    expect(unknown.fieldErrors?.symptoms?.join(' ')).toMatch(/unknown symptom "nausea"/);
    const range = await errorOf(await patch(profileId, date, { symptoms: { pain: 12 } }), 400);
    expect(Object.keys(range.fieldErrors ?? {})).toEqual(['symptoms.pain']);
    await errorOf(await patch(profileId, date, {}), 400);
    await errorOf(await patch(profileId, date, { date: today }), 400);
    const otherDay = await errorOf(
      await patch(profileId, date, { meals: [{ mealId: `${today}-dinner`, reaction: 'cramps' }] }),
      400,
    );
    expect(Object.keys(otherDay.fieldErrors ?? {})).toEqual(['meals.0.mealId']);
    await errorOf(await patch(profileId, 'not-a-date', { note: 'x' }), 400);
    const missing = await errorOf(await patch(profileId, addDays(today, -31), { note: 'x' }), 404);
    expect(missing.code).toBe('not_found');

    expect(await listJournalEntries(db, profileId)).toEqual(before);
  });

  it('answers 404 for an unknown profile and 400 for a bad id', async () => {
    await errorOf(await list(999_999), 404);
    await errorOf(await post(999_999, { date: today, symptoms: calm }), 404);
    await errorOf(await patch(999_999, today, { note: 'x' }), 404);
    await errorOf(await remove(999_999, today), 404);
    const bad = await errorOf(await list('abc'), 400);
    expect(bad.fieldErrors?.id).toBeDefined();
  });

  it('goes with its profile when the profile is deleted', async () => {
    const id = await newProfile('Leaving');
    expect((await post(id, { date: today, symptoms: calm })).status).toBe(201);
    const res = await deleteProfile(authedRequest('http://localhost'), ctx(id));
    expect(res.status).toBe(204);
    expect(await listJournalEntries(db, id)).toEqual([]);
  });
});

describe('phaseStartedOn on the profile', () => {
  type Phased = { phase: string; phaseStartedOn: string };
  const read = async (id: number): Promise<Phased> =>
    (await (await getProfile(authedRequest('http://localhost'), ctx(id))).json()) as Phased;
  const change = async (id: number, body: unknown): Promise<Response> =>
    patchProfile(jsonRequest(`/api/profiles/${id}`, 'PATCH', body), ctx(id));

  it('defaults to the day the profile is made, or takes the date sent', async () => {
    expect((await read(await newProfile('Today'))).phaseStartedOn).toBe(today);
    const res = await createProfile(
      jsonRequest('/api/profiles', 'POST', { name: 'Earlier', phaseStartedOn: '2026-11-02' }),
    );
    expect(((await res.json()) as Phased).phaseStartedOn).toBe('2026-11-02');
  });

  it('moves to today with a new phase, stays with other changes, and can be set', async () => {
    const res = await createProfile(
      jsonRequest('/api/profiles', 'POST', { name: 'Mover', phaseStartedOn: '2026-10-01' }),
    );
    const id = ((await res.json()) as { id: number }).id;
    expect((await change(id, { householdSize: 2 })).status).toBe(200);
    expect((await read(id)).phaseStartedOn).toBe('2026-10-01');

    expect((await change(id, { phase: 'reintroduction-1' })).status).toBe(200);
    expect(await read(id)).toMatchObject({ phase: 'reintroduction-1', phaseStartedOn: today });

    const set = await change(id, { phase: 'reintroduction-2', phaseStartedOn: '2026-11-20' });
    expect(((await set.json()) as Phased).phaseStartedOn).toBe('2026-11-20');
    expect((await change(id, { phaseStartedOn: null })).status).toBe(200);
    expect((await read(id)).phaseStartedOn).toBe(today);

    const bad = await errorOf(await change(id, { phaseStartedOn: '2026-13-01' }), 400);
    expect(bad.fieldErrors?.phaseStartedOn).toBeDefined();
  });

  it('reads a row written before the field existed as starting on its creation day', async () => {
    const householdId = await testHouseholdId(db);
    const rows = await db.transaction((tx) =>
      tx.orm
        .insert(tx.t.profiles)
        .values({
          name: 'Old',
          data: { name: 'Old' },
          createdAt: '2025-03-04T10:00:00.000Z',
          updatedAt: '2025-03-04T10:00:00.000Z',
          householdId,
        })
        .returning({ id: tx.t.profiles.id }),
    );
    expect((await read(rows[0]!.id)).phaseStartedOn).toBe('2025-03-04');
  });
});
