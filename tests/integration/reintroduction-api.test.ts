import { beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '@/app/_lib/week';
import { POST as postJournal } from '@/app/api/profiles/[id]/journal/route';
import { POST as postOutcome } from '@/app/api/profiles/[id]/reintroduction/challenges/[challengeId]/outcome/route';
import {
  DELETE as deleteReintro,
  GET as getReintro,
  PATCH as patchReintro,
} from '@/app/api/profiles/[id]/reintroduction/route';
import { POST as postStart } from '@/app/api/profiles/[id]/reintroduction/start/route';
import { GET as getProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { type Db, getDb } from '@/db/client';
import { getReintroduction } from '@/db/queries/reintroduction';
import { addDays } from '@/lib/planner/dates';
import type { PersonalList } from '@/lib/reintroduction/types';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';

type Item = {
  id: string;
  status: string;
  days: string[];
  washoutDays: string[];
  outcome: string | null;
  doses: { grams: number; words: string }[];
};
type View = {
  phase: string;
  startedOn: string | null;
  pausedOn: string | null;
  clinicianLed: boolean;
  available: boolean;
  schedule: Item[];
  current:
    | (Item & {
        proposal: { outcome: string } | null;
        baseline: { from: string; to: string } | null;
      })
    | null;
  results: Item[];
  readiness: { weeksDone: number; summary: string } | null;
  talkToClinician: string[];
  outcomeRule: string;
};
type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};
type ProfileJson = { phase: string; phaseStartedOn: string; personal: PersonalList };

const today = localIsoDate(new Date());
const day = (n: number) => addDays(today, n);
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const url = (id: number, rest = '') => `/api/profiles/${id}/reintroduction${rest}`;

let db: Db;

async function newProfile(body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', body));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}
async function view(id: number): Promise<View> {
  const res = await getReintro(authedRequest(`http://localhost${url(id)}`), ctx(id));
  expect(res.status).toBe(200);
  return (await res.json()) as View;
}
function start(id: number, body?: unknown): Promise<Response> {
  return postStart(jsonRequest(url(id, '/start'), 'POST', body), ctx(id));
}
function outcome(id: number, challengeId: string, body: unknown): Promise<Response> {
  return postOutcome(jsonRequest(url(id, `/challenges/${challengeId}/outcome`), 'POST', body), {
    params: Promise.resolve({ id: String(id), challengeId }),
  });
}
function patch(id: number, body: unknown): Promise<Response> {
  return patchReintro(jsonRequest(url(id), 'PATCH', body), ctx(id));
}
async function profile(id: number): Promise<ProfileJson> {
  const res = await getProfile(authedRequest(`http://localhost/api/profiles/${id}`), ctx(id));
  return (await res.json()) as ProfileJson;
}
async function errorOf(res: Response, status: number): Promise<ErrorBody['error']> {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}
const item = (v: View, id: string) => v.schedule.find((i) => i.id === id);

/** A low-FODMAP profile whose reintroduction began `daysAgo` days ago. */
async function startedLowFodmap(daysAgo: number): Promise<number> {
  const id = await newProfile({ name: `low-fodmap ${daysAgo}`, protocol: 'low-fodmap' });
  expect((await start(id, { startOn: day(-daysAgo) })).status).toBe(201);
  return id;
}

beforeAll(async () => {
  await useFreshDatabase();
  db = getDb();
});

describe('reintroduction API', () => {
  it('before start proposes the schedule from today, status planned', async () => {
    const id = await newProfile({ name: 'planning', protocol: 'low-fodmap' });
    const v = await view(id);
    expect(v.startedOn).toBeNull();
    expect(v.available).toBe(true);
    expect(v.schedule).toHaveLength(8);
    expect(v.schedule.every((i) => i.status === 'planned')).toBe(true);
    expect(v.schedule[0]).toMatchObject({ id: 'fructose', days: [today, day(1), day(2)] });
    expect(v.outcomeRule).toMatch(/baseline/);
    expect(v.readiness?.summary).toMatch(/^0 of 2 weeks done/);
  });

  it('start writes the schedule and moves the profile to reintroduction from that day', async () => {
    const id = await startedLowFodmap(2);
    const v = await view(id);
    expect(v.startedOn).toBe(day(-2));
    expect(v.phase).toBe('reintroduction');
    expect(v.readiness).toBeNull();
    expect(item(v, 'fructose')).toMatchObject({
      status: 'active',
      days: [day(-2), day(-1), today],
      washoutDays: [day(1), day(2), day(3)],
    });
    expect(item(v, 'lactose')?.days).toEqual([day(4), day(5), day(6)]);
    expect(v.current?.id).toBe('fructose');
    expect(v.current?.baseline).toEqual({ from: day(-5), to: day(-3) });
    // nothing logged: the proposal says too few days
    expect(v.current?.proposal?.outcome).toBe('unclear');
    const p = await profile(id);
    expect([p.phase, p.phaseStartedOn]).toEqual(['reintroduction', day(-2)]);
    const again = await errorOf(await start(id), 409);
    expect(again.code).toBe('reintroduction_started');
  });

  it('the proposal reads the journal: a calm baseline and calm challenge days are tolerated', async () => {
    const id = await startedLowFodmap(2);
    const calm = {
      bloating: 1,
      pain: 0,
      stool: 4,
      fatigue: 1,
      joints: 0,
      skin: 0,
      brainFog: 0,
      headache: 0,
      sleep: 1,
    };
    for (const n of [-5, -4, -3, -2, -1, 0]) {
      const res = await postJournal(
        jsonRequest(`/api/profiles/${id}/journal`, 'POST', {
          date: day(n),
          symptoms: calm,
          note: null,
        }),
        ctx(id),
      );
      expect(res.status).toBe(201);
    }
    expect((await view(id)).current?.proposal?.outcome).toBe('tolerated');
  });

  it('Whole30 reintroduces one group per test day, legumes first, with 2 days back on Whole30', async () => {
    const id = await newProfile({ name: 'whole30', protocol: 'whole30' });
    expect((await start(id, { startOn: '2025-03-03' })).status).toBe(201);
    const v = await view(id);
    expect(v.schedule.map((c) => c.id).slice(0, 4)).toEqual([
      'legumes',
      'gluten-free-grains',
      'dairy',
      'gluten-grains',
    ]);
    // the fast track: test days 1, 4, 7 and 10
    expect(v.schedule.slice(0, 4).map((c) => c.days)).toEqual([
      ['2025-03-03'],
      ['2025-03-06'],
      ['2025-03-09'],
      ['2025-03-12'],
    ]);
    expect((await profile(id)).phase).toBe('reintroduction');
  });

  it('400 names the bad field of a start body; 404 for an unknown profile', async () => {
    const id = await newProfile({ name: 'bad start', protocol: 'low-fodmap' });
    const err = await errorOf(await start(id, { startOn: '2025-02-30' }), 400);
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['startOn']);
    expect(await getReintroduction(db, id)).toBeNull();
    await errorOf(await start(999_999), 404);
  });

  it('tolerated: the subgroup joins the personal allowed list with its largest dose and dates', async () => {
    const id = await startedLowFodmap(2);
    const res = await outcome(id, 'fructose', { outcome: 'tolerated' });
    expect(res.status).toBe(200);
    const v = (await res.json()) as View;
    expect(v.results.map((r) => [r.id, r.outcome])).toEqual([['fructose', 'tolerated']]);
    expect(v.current).toMatchObject({ id: 'lactose', days: [day(4), day(5), day(6)] });
    const { personal } = await profile(id);
    expect(personal.allowed).toEqual([
      {
        kind: 'group',
        code: 'fodmap-fructose',
        label: 'Fructose (honey)',
        maxDoseG: 42,
        source: { challengeId: 'fructose', from: day(-2), to: today },
      },
    ]);
  });

  it('reacted: the scope joins the excluded list; maxDoseG is kept', async () => {
    const id = await startedLowFodmap(2);
    const res = await outcome(id, 'fructose', { outcome: 'reacted', maxDoseG: 7 });
    expect(res.status).toBe(200);
    const { personal } = await profile(id);
    expect(personal.allowed).toEqual([]);
    expect(personal.excluded.map((e) => [e.kind, e.code, e.maxDoseG])).toEqual([
      ['group', 'fodmap-fructose', 7],
    ]);
  });

  it('unclear: a retest of the same challenge appears right after the washout', async () => {
    const id = await startedLowFodmap(2);
    const v = (await (await outcome(id, 'fructose', { outcome: 'unclear' })).json()) as View;
    expect(v.schedule.slice(0, 3).map((i) => i.id)).toEqual(['fructose', 'fructose-2', 'lactose']);
    expect(item(v, 'fructose-2')).toMatchObject({
      status: 'active',
      days: [day(4), day(5), day(6)],
    });
    expect(item(v, 'lactose')?.days[0]).toBe(day(10));
    expect((await profile(id)).personal).toEqual({ allowed: [], excluded: [] });
  });

  it('refuses outcomes that cannot be true yet or name nothing, and saves nothing', async () => {
    const id = await startedLowFodmap(2);
    const stored = await getReintroduction(db, id);
    const notRun = await errorOf(await outcome(id, 'lactose', { outcome: 'tolerated' }), 409);
    expect(notRun.code).toBe('challenge_not_run');
    await errorOf(await outcome(id, 'no-such-food', { outcome: 'tolerated' }), 404);
    const bad = await errorOf(await outcome(id, 'fructose', { outcome: 'maybe' }), 400);
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['outcome']);
    const dose = await errorOf(
      await outcome(id, 'fructose', { outcome: 'tolerated', maxDoseG: -3 }),
      400,
    );
    expect(Object.keys(dose.fieldErrors ?? {})).toEqual(['maxDoseG']);
    expect(await getReintroduction(db, id)).toEqual(stored);
    expect((await profile(id)).personal).toEqual({ allowed: [], excluded: [] });
    // a challenge whose first day is still ahead
    const later = await newProfile({ name: 'starts later', protocol: 'low-fodmap' });
    expect((await start(later, { startOn: day(3) })).status).toBe(201);
    expect(
      (await errorOf(await outcome(later, 'fructose', { outcome: 'tolerated' }), 409)).code,
    ).toBe('challenge_not_run');
    // no reintroduction at all
    const none = await newProfile({ name: 'not started', protocol: 'low-fodmap' });
    await errorOf(await outcome(none, 'fructose', { outcome: 'tolerated' }), 404);
  });

  it('pause drops the coming challenge days; resume starts the current challenge today', async () => {
    const id = await startedLowFodmap(10);
    expect((await outcome(id, 'fructose', { outcome: 'tolerated' })).status).toBe(200);
    expect(item(await view(id), 'lactose')?.days[0]).toBe(today);
    const paused = (await (await patch(id, { paused: true })).json()) as View;
    expect(paused.pausedOn).toBe(today);
    expect(item(paused, 'lactose')?.days).toEqual([]);
    expect(item(paused, 'fructan-wheat')?.days).toEqual([]);
    const resumed = (await (await patch(id, { paused: false })).json()) as View;
    expect(resumed.pausedOn).toBeNull();
    expect(item(resumed, 'lactose')?.days).toEqual([today, day(1), day(2)]);
    expect(item(resumed, 'fructan-wheat')?.days[0]).toBe(day(6));
  });

  it('skip and reorder the challenges still to come; bad ids are a 400 naming the field', async () => {
    const id = await newProfile({ name: 'reorder', protocol: 'low-fodmap' });
    expect((await start(id, { startOn: day(1) })).status).toBe(201);
    const skipped = (await (await patch(id, { skip: ['fructose'] })).json()) as View;
    expect(item(skipped, 'fructose')).toMatchObject({ status: 'skipped', days: [] });
    expect(skipped.current?.id).toBe('lactose');
    expect(skipped.current?.days[0]).toBe(day(1));
    const rest = skipped.schedule.filter((i) => i.status !== 'skipped').map((i) => i.id);
    const order = [...rest].reverse();
    const moved = (await (await patch(id, { order })).json()) as View;
    expect(moved.current?.id).toBe('mannitol');
    expect(moved.current?.days[0]).toBe(day(1));
    const stored = await getReintroduction(db, id);
    const bad = await errorOf(await patch(id, { order: ['lactose'] }), 400);
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['order']);
    const unknown = await errorOf(await patch(id, { skip: ['lactose', 'nope'] }), 400);
    expect(Object.keys(unknown.fieldErrors ?? {})).toEqual(['skip']);
    const empty = await errorOf(await patch(id, {}), 400);
    expect(empty.code).toBe('invalid_request');
    // the skip of lactose was refused with 'nope': nothing of that request is saved
    expect(await getReintroduction(db, id)).toEqual(stored);
  });

  it('a begun challenge cannot be skipped (409)', async () => {
    const id = await startedLowFodmap(1);
    await errorOf(await patch(id, { skip: ['fructose'] }), 409);
  });

  it('stop deletes the schedule and keeps the personal list', async () => {
    const id = await startedLowFodmap(2);
    expect((await outcome(id, 'fructose', { outcome: 'tolerated' })).status).toBe(200);
    const res = await deleteReintro(authedRequest(`http://localhost${url(id)}`), ctx(id));
    expect(res.status).toBe(204);
    const v = await view(id);
    expect(v.startedOn).toBeNull();
    expect(v.schedule[0]?.status).toBe('planned');
    expect((await profile(id)).personal.allowed.map((e) => e.code)).toEqual(['fodmap-fructose']);
    await errorOf(await deleteReintro(authedRequest(`http://localhost${url(id)}`), ctx(id)), 404);
  });

  it('six-food is clinician-led: no dates, and any open challenge can be recorded', async () => {
    const id = await newProfile({ name: 'eoe', protocol: 'six-food' });
    expect((await start(id)).status).toBe(201);
    const v = await view(id);
    expect(v.clinicianLed).toBe(true);
    expect(v.talkToClinician.length).toBeGreaterThan(0);
    expect(v.schedule.map((i) => i.id)).toEqual([
      'milk',
      'wheat',
      'egg',
      'soy',
      'nuts',
      'fish-shellfish',
    ]);
    expect(v.schedule.every((i) => i.days.length === 0)).toBe(true);
    const res = await outcome(id, 'egg', { outcome: 'tolerated' });
    expect(res.status).toBe(200);
    expect((await profile(id)).personal.allowed.map((e) => [e.kind, e.code])).toEqual([
      ['group', 'egg'],
    ]);
    expect((await errorOf(await outcome(id, 'egg', { outcome: 'reacted' }), 409)).code).toBe(
      'challenge_not_run',
    );
  });
});
