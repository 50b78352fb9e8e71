import { beforeAll, describe, expect, it } from 'vitest';
import { POST as regenerate } from '@/app/api/plans/[id]/regenerate/route';
import { POST as createPlan } from '@/app/api/plans/route';
import { PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import { profilePatchSchema } from '@/lib/profiles/schema';
import { jsonRequest, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Fix = { id: string; text: string; patch: Record<string, unknown> };
type Infeasible = {
  error: {
    code: string;
    message: string;
    details: {
      slots: { slot: string; available: number; needed: number }[];
      suggestions: string[];
      fixes: Fix[];
    };
  };
};

const WEEK = '2026-11-30';
const SEED = 11;
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/**
 * AIP elimination with ten minutes of cooking a day: no week of the catalog fits. The egg
 * allergy, avoided fish and disliked salmon are there so a fix could (wrongly) touch them.
 */
const UNPLANNABLE = {
  // time is what it lacks: a roomy cooking budget and protein limit keep them out of the way
  ...ROOMY_LIMITS,
  protocol: 'aip',
  phase: 'elimination',
  allergens: ['egg'],
  avoid: ['fish'],
  dislikedConcepts: ['salmon'],
  maxMinutes: { weekday: 10, weekend: 10 },
};
/** The fields a fix may change: never an allergy, the protocol, its phase or the diet. */
const FIXABLE = [
  'maxMinutes',
  'cooking',
  'maxProteinMeals',
  'leftovers',
  'slots',
  'avoid',
  'dislikes',
  'dislikedConcepts',
];

async function newProfile(name: string, body: Record<string, unknown>): Promise<number> {
  const res = await createProfile(jsonRequest('/api/profiles', 'POST', { name, ...body }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function patch(id: number, body: unknown): Promise<void> {
  const res = await patchProfile(jsonRequest(`/api/profiles/${id}`, 'PATCH', body), ctx(id));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
}

const plan = (profileId: number) =>
  createPlan(jsonRequest('/api/plans', 'POST', { profileId, weekStart: WEEK, seed: SEED }));

/** The 422's fixes, after checking they are worded and shaped as promised. */
async function fixesOf(res: Response): Promise<Fix[]> {
  expect(res.status).toBe(422);
  const { error } = (await res.json()) as Infeasible;
  expect(error.code).toBe('infeasible');
  expect(error.details.slots.length).toBeGreaterThan(0);
  expect(error.details.suggestions.filter((s) => /add more/i.test(s))).toEqual([]);
  const { fixes } = error.details;
  expect(fixes.length).toBeGreaterThan(0);
  expect(fixes.length).toBeLessThanOrEqual(3);
  expect(error.message).toContain('Any one of these changes makes a plan');
  for (const fix of fixes) {
    expect(profilePatchSchema.safeParse(fix.patch).success, fix.id).toBe(true);
    expect(
      Object.keys(fix.patch).filter((k) => !FIXABLE.includes(k)),
      fix.id,
    ).toEqual([]);
    expect(fix.text).not.toMatch(/allerg|protocol|phase|diet|add more/i);
  }
  return fixes;
}

beforeAll(useFreshDatabase);

describe('fixes for a profile no week fits', () => {
  it('each fix, applied with PATCH, makes POST /api/plans succeed', async () => {
    const fixes = await fixesOf(await plan(await newProfile('Ten minutes', UNPLANNABLE)));
    // Each fix on its own copy of the profile: any one of them is enough.
    for (const fix of fixes) {
      const id = await newProfile(`Ten minutes, ${fix.id}`, UNPLANNABLE);
      await patch(id, fix.patch);
      const res = await plan(id);
      expect(res.status, `${fix.text}: ${JSON.stringify(await res.clone().json())}`).toBe(201);
    }
  });

  it('offers a working cooking-budget fix when the cooking budget is what no week fits', async () => {
    // AIP, no fish, four meals a day without leftovers: one cooking session on a weekday leaves
    // three meals to no-cook recipes, too few of them on AIP
    const body = {
      protocol: 'aip',
      allergens: ['fish'],
      householdSize: 2,
      cooking: { weekday: { sessions: 1, activeMinutes: 60 } },
    };
    const fixes = await fixesOf(await plan(await newProfile('Two sessions', body)));
    const budget = fixes.find((f) => f.patch.cooking !== undefined);
    expect(budget?.text).toMatch(/^Allow \d cooking sessions on weekdays$/);
    const id = await newProfile('Two sessions, fixed', body);
    await patch(id, budget!.patch);
    expect((await plan(id)).status).toBe(201);
  });

  it('regenerating a week the profile no longer fits offers fixes that work for regenerate', async () => {
    /** A planned week, then the profile changed so that no week fits it. */
    async function plannedThenTightened(name: string) {
      const profileId = await newProfile(name, {
        ...UNPLANNABLE,
        maxMinutes: { weekday: 45, weekend: 90 },
      });
      const res = await plan(profileId);
      expect(res.status).toBe(201);
      await patch(profileId, { maxMinutes: UNPLANNABLE.maxMinutes });
      return { profileId, planId: ((await res.json()) as { id: number }).id };
    }
    const again = (planId: number) =>
      regenerate(
        jsonRequest(`/api/plans/${planId}/regenerate`, 'POST', { scope: 'week', seed: SEED }),
        ctx(planId),
      );
    const first = await plannedThenTightened('Regenerate');
    const fixes = await fixesOf(await again(first.planId));
    for (const fix of fixes) {
      const { profileId, planId } = await plannedThenTightened(`Regenerate, ${fix.id}`);
      await patch(profileId, fix.patch);
      expect((await again(planId)).status, fix.text).toBe(200);
    }
  });
});
