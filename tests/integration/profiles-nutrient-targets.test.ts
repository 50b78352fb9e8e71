import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getProfile, PATCH as patchProfile } from '@/app/api/profiles/[id]/route';
import { POST as createProfile } from '@/app/api/profiles/route';
import type { NutrientTargets } from '@/lib/nutrition/nutrient-model';
import { authedRequest, jsonRequest, useFreshDatabase } from '../support/db';

type Profile = {
  id: number;
  clinicianSupervised: boolean;
  body: { pregnant: boolean; lactating: boolean } | null;
  targets: { energyKcal: number; energyNote?: string };
  nutrientTargets: NutrientTargets;
};
type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};

const pctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const woman = { sex: 'female', ageYears: 35, heightCm: 168, weightKg: 62, activity: 'light' };
const man = { sex: 'male', ageYears: 30, heightCm: 180, weightKg: 80, activity: 'moderate' };

async function post(body: Record<string, unknown>) {
  return createProfile(jsonRequest('/api/profiles', 'POST', body));
}
async function created(body: Record<string, unknown>): Promise<Profile> {
  const res = await post(body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()) as Profile;
}
async function read(id: number): Promise<Profile> {
  const res = await getProfile(authedRequest('http://localhost'), pctx(id));
  expect(res.status).toBe(200);
  return (await res.json()) as Profile;
}
async function refused(res: Response, field: string): Promise<string> {
  expect(res.status).toBe(400);
  const err = (await res.json()) as ErrorBody;
  expect(Object.keys(err.error.fieldErrors ?? {})).toContain(field);
  return (err.error.fieldErrors?.[field] ?? []).join(' ');
}

beforeAll(async () => {
  await useFreshDatabase();
});

describe('profile nutrient targets', () => {
  it('a profile without body data gets the female 31–50 defaults and says so', async () => {
    const p = await read((await created({ name: 'No body' })).id);
    expect(p.clinicianSupervised).toBe(false);
    expect(p.nutrientTargets.lifeStage).toBe('female 31-50');
    expect(p.nutrientTargets.lifeStageNote).toMatch(/no sex or age/);
    // dri.csv female 31-50: iron RDA 18 mg; sodium CDRR 2300 mg; retinol UL 3000 µg
    expect(p.nutrientTargets.targets.ironMg).toEqual({
      amount: 18,
      unit: 'mg',
      source: 'default',
      basis: 'RDA, female 31–50',
    });
    expect(p.nutrientTargets.caps.sodiumMg.amount).toBe(2300);
    expect(p.nutrientTargets.caps.retinolUg.amount).toBe(3000);
    expect(p.targets.energyKcal).toBe(2000);
  });

  it('round-trips clinician overrides: POST, GET with sources, PATCH replaces, {} clears', async () => {
    const { id } = await created({
      name: 'Overrides',
      body: man,
      nutrientTargets: { calciumMg: 1200, sodiumMaxMg: 1500 },
    });
    let p = await read(id);
    expect(p.nutrientTargets.lifeStage).toBe('male 19-30');
    expect(p.nutrientTargets.targets.calciumMg).toMatchObject({ amount: 1200, source: 'set' });
    expect(p.nutrientTargets.caps.sodiumMg).toMatchObject({ amount: 1500, source: 'set' });
    // male 19-30 default magnesium RDA 400 mg
    expect(p.nutrientTargets.targets.magnesiumMg).toMatchObject({ amount: 400, source: 'default' });

    const patched = await patchProfile(
      jsonRequest(`/api/profiles/${id}`, 'PATCH', { nutrientTargets: { ironMg: 12 } }),
      pctx(id),
    );
    expect(patched.status).toBe(200);
    p = await read(id);
    expect(p.nutrientTargets.targets.ironMg).toMatchObject({ amount: 12, source: 'set' });
    expect(p.nutrientTargets.targets.calciumMg).toMatchObject({ amount: 1000, source: 'default' });

    // an unrelated patch keeps the overrides
    await patchProfile(jsonRequest(`/api/profiles/${id}`, 'PATCH', { householdSize: 2 }), pctx(id));
    expect((await read(id)).nutrientTargets.targets.ironMg.source).toBe('set');

    await patchProfile(
      jsonRequest(`/api/profiles/${id}`, 'PATCH', { nutrientTargets: {} }),
      pctx(id),
    );
    expect((await read(id)).nutrientTargets.targets.ironMg).toMatchObject({
      amount: 8,
      source: 'default',
    });
  });

  it('refuses an out-of-range override, naming the field', async () => {
    const message = await refused(
      await post({ name: 'x', nutrientTargets: { retinolMaxUg: 5000 } }),
      'nutrientTargets.retinolMaxUg',
    );
    expect(message).toBe('nutrientTargets.retinolMaxUg must be between 300 and 3000 µg');
  });

  it('pregnancy: pregnancy values, pregnancy risks avoided; male + pregnant is refused', async () => {
    await refused(
      await post({ name: 'Pregnant', body: { ...woman, pregnant: true } }),
      'clinicianSupervised',
    );
    const p = await created({
      name: 'Pregnant',
      body: { ...woman, pregnant: true },
      clinicianSupervised: true,
    });
    expect(p.body?.pregnant).toBe(true);
    expect(p.nutrientTargets.lifeStage).toBe('pregnancy 31-50');
    expect(p.nutrientTargets.targets.ironMg.amount).toBe(27);
    expect(p.nutrientTargets.avoidPregnancyRisks).toBe(true);
    await refused(await post({ name: 'x', body: { ...man, pregnant: true } }), 'body.pregnant');
    await refused(await post({ name: 'x', body: { ...man, lactating: true } }), 'body.lactating');
    await refused(
      await post({
        name: 'x',
        body: { ...woman, ageYears: 52, pregnant: true },
        clinicianSupervised: true,
      }),
      'body.pregnant',
    );
  });
});

describe('energy floor and age gates', () => {
  it.each([
    ['1,000 kcal, no body', { energyKcal: 1000 }, true],
    ['1,150 kcal, woman', { energyKcal: 1150, body: woman }, true],
    ['1,400 kcal, man', { energyKcal: 1400, body: man }, true],
    // man 30 y, 180 cm, 80 kg: REE 1,780 kcal (Mifflin–St Jeor), above the 1,500 kcal floor
    ['1,700 kcal, below resting energy', { energyKcal: 1700, body: man }, false],
  ])('refuses a typed %s without a clinician, allows it with one', async (_l, over, belowFloor) => {
    const message = await refused(await post({ name: 'x', ...over }), 'energyKcal');
    expect(message).toMatch(/clinician or dietitian/);
    expect(message).toMatch(/clinicianSupervised: true/);
    const p = await created({ name: 'Supervised', ...over, clinicianSupervised: true });
    expect(p.targets.energyKcal).toBe(over.energyKcal);
    if (belowFloor) expect(p.targets.energyNote).toMatch(/below the usual floor/);
    else expect(p.targets.energyNote).toBeUndefined();
  });

  it('a PATCH that lowers energy below the floor is refused; clinicianSupervised in the same PATCH allows it', async () => {
    const { id } = await created({ name: 'Patch floor', body: woman });
    await refused(
      await patchProfile(
        jsonRequest(`/api/profiles/${id}`, 'PATCH', { energyKcal: 1100 }),
        pctx(id),
      ),
      'energyKcal',
    );
    const ok = await patchProfile(
      jsonRequest(`/api/profiles/${id}`, 'PATCH', { energyKcal: 1100, clinicianSupervised: true }),
      pctx(id),
    );
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Profile).targets.energyKcal).toBe(1100);
    // withdrawing supervision while the low target stands is refused too
    await refused(
      await patchProfile(
        jsonRequest(`/api/profiles/${id}`, 'PATCH', { clinicianSupervised: false }),
        pctx(id),
      ),
      'energyKcal',
    );
  });

  it('a computed target below the floor is raised to it, and the profile says why', async () => {
    // woman 80 y, 150 cm, 42 kg, sedentary: (420 + 937.5 − 400 − 161) × 1.2 = 955.8 → 960 kcal
    const p = await created({
      name: 'Small',
      body: { sex: 'female', ageYears: 80, heightCm: 150, weightKg: 42, activity: 'sedentary' },
    });
    expect(p.targets.energyKcal).toBe(1200);
    expect(p.targets.energyNote).toMatch(/960 kcal.*below 1,200 kcal/);
  });

  it('under 18 needs clinicianSupervised, then uses the teen values', async () => {
    const teen = { ...woman, ageYears: 16, heightCm: 160, weightKg: 52 };
    const message = await refused(await post({ name: 'Teen', body: teen }), 'clinicianSupervised');
    expect(message).toMatch(/under 18/);
    const p = await created({ name: 'Teen', body: teen, clinicianSupervised: true });
    expect(p.nutrientTargets.lifeStage).toBe('female 14-18');
    // dri.csv female 14-18: calcium 1300 mg, iron 15 mg, retinol UL 2800 µg
    expect(p.nutrientTargets.targets.calciumMg.amount).toBe(1300);
    expect(p.nutrientTargets.targets.ironMg.amount).toBe(15);
    expect(p.nutrientTargets.caps.retinolUg.amount).toBe(2800);
  });

  it('under 14 is refused with a clear message, even with a clinician', async () => {
    const message = await refused(
      await post({ name: 'Child', body: { ...woman, ageYears: 12 }, clinicianSupervised: true }),
      'body.ageYears',
    );
    expect(message).toMatch(/does not plan for children under 14/);
  });
});
