import { parse } from 'csv-parse/sync';
import type { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localIsoDate, mondayOf } from '@/app/_lib/week';
import { GET as getOpenApi } from '@/app/api/openapi.json/route';
import { GET as getNutrition } from '@/app/api/plans/[id]/nutrition/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { POST as postEntry } from '@/app/api/profiles/[id]/journal/route';
import { GET as getReport } from '@/app/api/profiles/[id]/report/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { getDb } from '@/db/client';
import { saveReintroduction } from '@/db/queries/reintroduction';
import type { Symptoms } from '@/lib/journal/schema';
import type { NutritionReport, ReportNutrient } from '@/lib/nutrition/report';
import { addDays } from '@/lib/planner/dates';
import type { ClinicianReport } from '@/lib/report/clinician';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

// pages read the caller from the request headers: the test owner's token
vi.mock('next/headers', () => import('../support/page-session'));

// The page's client parts need the app router; a static render only needs them to exist.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ refresh: () => undefined }),
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

const today = localIsoDate(new Date());
const phaseStart = addDays(today, -30);
// lactose: three dose days from `c1`; the three days before are its baseline
const c1 = addDays(today, -10);
const calm: Symptoms = {
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
const DAYS: { date: string; change: Partial<Symptoms>; note?: string }[] = [
  { date: addDays(c1, -3), change: { bloating: 1 } },
  { date: addDays(c1, -2), change: { bloating: 2 } },
  { date: addDays(c1, -1), change: { bloating: 3 }, note: 'quiet day' },
  { date: c1, change: { bloating: 1 } },
  { date: addDays(c1, 1), change: { bloating: 4 } },
  { date: addDays(c1, 2), change: { bloating: 7, pain: 2 }, note: 'cramps, "after lunch"' },
  { date: addDays(c1, 3), change: { bloating: 3 } },
];

const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const get = (id: number | string, query = '') =>
  getReport(authedRequest(`http://localhost/api/profiles/${id}/report${query}`), ctx(id));

let profileId: number;
let planId: number;

beforeAll(async () => {
  await useFreshDatabase();
  const res = await createProfile(
    jsonRequest('/api/profiles', 'POST', {
      ...ROOMY_LIMITS,
      name: 'Report keeper',
      protocol: 'low-fodmap',
      phase: 'reintroduction',
      phaseStartedOn: phaseStart,
      // a clinician-set calcium target no planned week reaches: the report has a shortfall to show
      nutrientTargets: { calciumMg: 2500 },
      personal: {
        allowed: [],
        excluded: [
          {
            kind: 'group',
            code: 'fodmap-lactose',
            label: 'Lactose',
            source: { challengeId: 'lactose', from: c1, to: addDays(c1, 2) },
          },
        ],
      },
    }),
  );
  expect(res.status).toBe(201);
  profileId = ((await res.json()) as { id: number }).id;
  for (const d of DAYS) {
    const saved = await postEntry(
      jsonRequest(`/api/profiles/${profileId}/journal`, 'POST', {
        date: d.date,
        symptoms: { ...calm, ...d.change },
        note: d.note ?? null,
      }),
      ctx(profileId),
    );
    expect(saved.status).toBe(201);
  }
  const db = getDb();
  await db.transaction((tx) =>
    saveReintroduction(
      tx,
      profileId,
      {
        protocol: 'low-fodmap',
        startedOn: c1,
        pausedOn: null,
        challenges: [
          {
            id: 'lactose',
            challenge: 'lactose',
            status: 'done',
            startOn: c1,
            outcome: 'reacted',
            maxDoseG: null,
            decidedOn: addDays(c1, 5),
          },
          {
            id: 'fructose',
            challenge: 'fructose',
            status: 'pending',
            startOn: null,
            outcome: null,
            maxDoseG: null,
            decidedOn: null,
          },
        ],
      },
      new Date().toISOString(),
    ),
  );
  const plan = await createPlan(
    jsonRequest('/api/plans', 'POST', { profileId, weekStart: mondayOf(new Date()), seed: 11 }),
  );
  expect(plan.status).toBe(201);
  planId = ((await plan.json()) as { id: number }).id;
});

describe('GET /api/profiles/{id}/report', () => {
  it('is JSON by default: phase dates, the challenge from the seeded data with its symptom summary', async () => {
    const res = await get(profileId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const report = (await res.json()) as ClinicianReport;
    expect(report.generatedOn).toBe(today);
    expect(report.profile).toEqual({ id: profileId, name: 'Report keeper' });
    expect(report.protocol.phase).toMatchObject({
      id: 'reintroduction',
      name: 'Reintroduction',
      startedOn: phaseStart,
      // 30 days: 4 whole weeks; the seeded reintroduction phase is usually 6 to 8 weeks
      weeksDone: 4,
      usualWeeks: { min: 6, max: 8 },
      usualEnd: { earliest: addDays(phaseStart, 42), latest: addDays(phaseStart, 56) },
    });
    expect(report.adherence).toEqual({ recorded: false, text: 'not recorded' });
    const [lactose, fructose] = report.challenges;
    expect(lactose).toMatchObject({
      label: 'Lactose (milk)',
      dates: [c1, addDays(c1, 1), addDays(c1, 2)],
      // three dose days: the window is theirs; the baseline the three days before
      window: { from: c1, to: addDays(c1, 2) },
      baseline: { from: addDays(c1, -3), to: addDays(c1, -1), logged: 3 },
      loggedInWindow: 3,
      outcome: 'reacted',
    });
    expect(lactose?.doses.map((d) => d.grams)).toEqual([61, 122, 244]);
    // bloating 1, 2, 3 before (mean 2), 7 at worst; pain 0 before, 2 at worst; nothing else moved
    expect(lactose?.moved).toEqual([
      { symptom: 'bloating', label: 'Bloating / gas', baselineMean: 2, windowMax: 7, rise: 5 },
      { symptom: 'pain', label: 'Abdominal pain', baselineMean: 0, windowMax: 2, rise: 2 },
    ]);
    expect(fructose).toMatchObject({ label: 'Fructose (honey)', status: 'pending', dates: [] });
    expect(report.personal.excluded[0]?.sourceText).toBe(
      `Challenge Lactose (milk), ${c1} to ${addDays(c1, 2)}`,
    );
    expect(report.trends.periods).toEqual([
      { id: 'lactose', label: 'Lactose (milk)', from: c1, to: addDays(c1, 2), outcome: 'reacted' },
    ]);
    expect(report.journal.days).toBe(DAYS.length);
  });

  it('lists the low findings of the nutrition report of each planned week', async () => {
    const report = (await (await get(profileId, '?format=json')).json()) as ClinicianReport;
    const nutrition = (await (
      await getNutrition(
        authedRequest(`http://localhost/api/plans/${planId}/nutrition`),
        ctx(planId),
      )
    ).json()) as NutritionReport;
    const lows = nutrition.findings.filter((f) => f.status === 'low').map((f) => f.nutrient);
    expect(lows).toContain('calciumMg');
    const round1 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10) / 10);
    expect(report.shortfalls.flatMap((w) => w.nutrients)).toEqual(
      lows.map((key) =>
        expect.objectContaining({
          nutrient: key,
          amount: round1(nutrition.weekAverage[key as ReportNutrient]?.amount),
          target: round1(nutrition.targets[key]?.amount),
        }),
      ),
    );
    const calcium = report.shortfalls[0]?.nutrients.find((n) => n.nutrient === 'calciumMg');
    expect(calcium).toMatchObject({ label: 'Calcium', target: 2500, unit: 'mg' });
    for (const w of report.shortfalls)
      expect(w).toMatchObject({ planId, weekStart: mondayOf(new Date()) });
  });

  it('format=md is a Markdown download of the same report', async () => {
    const res = await get(profileId, '?format=md');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="villi-report-${today}.md"`,
    );
    const md = await res.text();
    expect(md).toMatch(/^# Clinician report: Report keeper\n/);
    expect(md).toContain(
      `| Lactose (milk) — Milk, whole, 3.25% milkfat | 61 g (¼ cup milk), 122 g (½ cup milk), 244 g (1 cup milk) | ${c1} to ${addDays(c1, 2)} | Bloating / gas 2 → 7; Abdominal pain 0 → 2 | reacted (confirmed ${addDays(c1, 5)}) |`,
    );
    expect(md).toContain('- Adherence (share of planned meals kept): not recorded');
  });

  it('format=csv is the journal, one row per day', async () => {
    const res = await get(profileId, '?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="villi-journal-${today}.csv"`,
    );
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.date)).toEqual(DAYS.map((d) => d.date));
    expect(rows[5]).toMatchObject({
      bloating: '7',
      pain: '2',
      stool: '4',
      note: 'cramps, "after lunch"',
    });
  });

  it('refuses an unknown format naming the parameter, and unknown or bad profile ids', async () => {
    const bad = await get(profileId, '?format=pdf');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors.format).toEqual(['format must be one of: json, md, csv']);
    expect((await get(999_999)).status).toBe(404);
    const badId = await get('abc');
    expect(badId.status).toBe(400);
    expect(
      ((await badId.json()) as { error: { fieldErrors: object } }).error.fieldErrors,
    ).toHaveProperty('id');
  });

  it('is in the OpenAPI document with its three media types and the format parameter', async () => {
    const doc = (await (await getOpenApi()).json()) as {
      paths: Record<
        string,
        {
          get?: {
            parameters: { name: string; schema: { enum?: string[] } }[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          };
        }
      >;
    };
    const op = doc.paths['/api/profiles/{id}/report']?.get;
    expect(Object.keys(op?.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'text/markdown',
      'text/csv',
    ]);
    expect(op?.parameters.find((p) => p.name === 'format')?.schema.enum).toEqual([
      'json',
      'md',
      'csv',
    ]);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['400', '404']));
  });
});

describe('/profiles/[id]/report (server render)', () => {
  async function render(id: string): Promise<string> {
    const { default: ReportPage } = await import('@/app/profiles/[id]/report/page');
    const element = await ReportPage({ params: Promise.resolve({ id }) });
    return renderToStaticMarkup(element as ReturnType<typeof createElement>);
  }

  it('shows the phase, nine symptom charts, the challenge, the personal list and the downloads', async () => {
    const html = await render(String(profileId));
    expect(html).toMatch(/<h1>Clinician report: (<!-- -->)?Report keeper<\/h1>/);
    expect(html.match(/<svg /g)).toHaveLength(9);
    expect(html.match(/role="img"/g)).toHaveLength(9);
    expect(html).toContain('Share of planned meals kept: not recorded');
    expect(html).toContain('Bloating / gas 2 → 7; Abdominal pain 0 → 2');
    expect(html).toContain(`reacted (confirmed ${addDays(c1, 5)})`);
    expect(html).toContain(`Challenge Lactose (milk), ${c1} to ${addDays(c1, 2)}`);
    for (const format of ['md', 'csv', 'json']) {
      expect(html).toContain(`href="/api/profiles/${profileId}/report?format=${format}"`);
    }
    expect(html).toContain('>Print</button>');
  });

  it('is a 404 for an unknown or malformed profile id', async () => {
    await expect(render('999999')).rejects.toThrow('NEXT_NOT_FOUND');
    await expect(render('abc')).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
